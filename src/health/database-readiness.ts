// Readiness of PostgreSQL, told apart from the pool's: "the database does not answer" and "the
// database answers but every connection of this process is busy" are different faults with
// different remedies. Each probe is bounded, and none waits on a backoff, so readiness is 200 again
// as soon as the database is.
import pg from 'pg';
import { databaseUnavailability } from '../event-store/availability.js';

export interface IndicatorState {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface DatabaseReadiness {
  postgres: IndicatorState;
  postgresPool: IndicatorState;
}

const TIMED_OUT = Symbol('timed out');

function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<typeof TIMED_OUT>((r) => (timer = setTimeout(() => r(TIMED_OUT), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

function poolStats(pool: pg.Pool) {
  const max = pool.options.max ?? 10;
  return { size: max, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

const isFull = (pool: pg.Pool) => pool.totalCount >= (pool.options.max ?? 10) && pool.idleCount === 0;

function describe(err: unknown): string {
  const u = databaseUnavailability(err);
  const message = (err as Error)?.message || String(err);
  return u ? `${u.description} (${message})` : message;
}

/** SELECT 1 on a connection of its own, outside the pool: does the server answer at all? */
async function probeDirect(pool: pg.Pool, ms: number): Promise<string | null> {
  const client = new pg.Client({ ...(pool.options as pg.ClientConfig), connectionTimeoutMillis: ms, statement_timeout: ms });
  client.on('error', () => undefined);
  try {
    const answered = await within(
      client.connect().then(() => client.query('SELECT 1')),
      ms + 100,
    );
    return answered === TIMED_OUT ? `no answer within ${ms} ms` : null;
  } catch (err) {
    return describe(err);
  } finally {
    void client.end().catch(() => undefined);
  }
}

export async function probeDatabase(pool: pg.Pool, ms = 1000): Promise<DatabaseReadiness> {
  const checkout = pool.connect();
  const got = await within(
    checkout.then(
      (client) => ({ client }),
      (error: unknown) => ({ error }),
    ),
    ms,
  );
  if (got === TIMED_OUT) {
    // Whenever it comes, give it back.
    checkout.then((c) => c.release()).catch(() => undefined);
  } else if ('client' in got) {
    const client = got.client;
    try {
      const answered = await within(client.query('SELECT 1'), ms);
      if (answered === TIMED_OUT) {
        client.release(new Error('readiness probe timed out'));
        return { postgres: { status: 'down', message: `no answer within ${ms} ms` }, postgresPool: { status: 'up', ...poolStats(pool) } };
      }
      client.release();
      return { postgres: { status: 'up' }, postgresPool: { status: 'up', ...poolStats(pool) } };
    } catch (err) {
      client.release(err as Error);
      return { postgres: { status: 'down', message: describe(err) }, postgresPool: { status: 'up', ...poolStats(pool) } };
    }
  }
  const failure = got === TIMED_OUT ? null : got.error;
  const poolExhausted = isFull(pool) || databaseUnavailability(failure)?.reason === 'pool_exhausted';
  if (!poolExhausted) {
    // The pool had room and tried a new connection: that connection is what failed.
    return {
      postgres: { status: 'down', message: failure ? describe(failure) : `no connection within ${ms} ms` },
      postgresPool: { status: 'up', ...poolStats(pool) },
    };
  }
  const direct = await probeDirect(pool, ms);
  const stats = poolStats(pool);
  return {
    postgres: direct ? { status: 'down', message: direct } : { status: 'up' },
    postgresPool: {
      status: 'down',
      message: `all ${stats.size} connections of the pool are busy (${stats.waiting} waiting for one)`,
      ...stats,
    },
  };
}
