// Helpers for the partnership e2e suites: real keys in the real api_keys table, counted events.
import type pg from 'pg';
import request from 'supertest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { PG_POOL } from '../../src/event-store/event-store.module.js';
import type { Role } from '../../src/shared/auth/roles.decorator.js';
import type { TestApp } from '../support/app.js';

export const API = '/api/v1/partnerships';

/** The app's own pool (createTestApp reopens the database, so poolOf(t) may already be closed). */
export const poolOf = (t: TestApp): pg.Pool => t.app.get(PG_POOL);

export async function keyFor(t: TestApp, role: Role, name = `${role} test key`): Promise<string> {
  return (await createApiKey(poolOf(t), { name, role })).key;
}

export async function countEvents(t: TestApp, streamId?: string): Promise<number> {
  const { rows } = streamId
    ? await poolOf(t).query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [streamId])
    : await poolOf(t).query('SELECT count(*)::int AS n FROM events');
  return rows[0].n;
}

export async function eventsOf(t: TestApp, streamId: string) {
  const { rows } = await poolOf(t).query(
    'SELECT event_id, stream_version, type, data, metadata, occurred_at FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [streamId],
  );
  return rows as { event_id: string; stream_version: number; type: string; data: any; metadata: any; occurred_at: Date | null }[];
}

/** A POST with a key; returns the supertest response. */
export function post(t: TestApp, key: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  let r = request(t.http).post(path).set('Authorization', `Bearer ${key}`);
  for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
  return body === undefined ? r : r.send(body as object);
}

let counter = 0;
/** A fresh partnership id per test, so tests in one suite do not see each other's state. */
export function newId(prefix = 'p'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function initiate(t: TestApp, key: string, id = newId(), extra: Record<string, unknown> = {}) {
  const res = await post(t, key, API, {
    partnershipId: id,
    occurredOn: '2022',
    ownMunicipality: { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' },
    tier: 'initiative',
    ...extra,
  });
  if (res.status !== 201) throw new Error(`initiate failed: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

export async function expectHealthy(t: TestApp): Promise<void> {
  const res = await request(t.http).get('/health');
  if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
}
