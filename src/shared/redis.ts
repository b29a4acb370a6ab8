import { Redis } from 'ioredis';
import { DependencyUnavailableError } from '../config/database.js';
import { redactUrl } from '../config/config.js';

export const REDIS = Symbol('REDIS');

/** A client that fails fast while Redis is down instead of queueing commands forever. */
export function createRedis(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // Redial at least every half second: readiness is green again soon after Redis returns.
    retryStrategy: (times) => Math.min(times * 100, 500),
  });
}

export async function assertRedisReachable(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new DependencyUnavailableError('Redis', redactUrl(url), (err as Error).message || String(err));
  } finally {
    client.disconnect();
  }
}
