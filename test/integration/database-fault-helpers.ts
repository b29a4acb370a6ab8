// Helpers for the database fault suites: commands and reads sent while PostgreSQL is out of reach,
// out of connections or too slow, and the figures each fault test reports (sent / acknowledged /
// stored, 503s by reason, 500s). Faults are made on the suite's own database and the service's own
// connections only: never by stopping the shared server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request, { type Response } from 'supertest';
import type { TestApp } from '../support/app.js';
import { API, post } from '../e2e/partnerships-helpers.js';

export const ROLE_PREFIX = 'partnership_ledger_test_role_';
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A pool on the suite's database that bypasses whatever the app goes through (proxy, role). */
export function adminPool(t: TestApp): pg.Pool {
  const pool = new pg.Pool({ connectionString: t.db.url, max: 3 });
  pool.on('error', () => undefined);
  return pool;
}

let amount = 0;
/** An aid delivery: one event per command. */
export function aid(): Record<string, unknown> {
  amount += 1;
  return { occurredOn: '2022-05', receiver: { en: 'Mykolaiv' }, value: { amount: `${amount}.00`, currency: 'EUR' }, modality: 'cash' };
}

const bodies = new Map<string, Record<string, unknown>>();

/** Records an aid delivery; a retry with the same Idempotency-Key sends the same body, as a client would. */
export function recordAid(t: TestApp, key: string, partnershipId: string, idempotencyKey?: string) {
  let body = aid();
  if (idempotencyKey) {
    const scoped = `${partnershipId} ${idempotencyKey}`;
    body = bodies.get(scoped) ?? body;
    bodies.set(scoped, body);
  }
  return post(t, key, `${API}/${partnershipId}/aid-deliveries`, body, idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {});
}

export interface Tally {
  fault: string;
  sent: number;
  acknowledged: number;
  /** events the requests of this fault left in the store */
  stored: number | null;
  unavailable: number;
  byCode: Record<string, number>;
  serverErrors: number;
  withoutRetryAfter: number;
  notes?: string;
}

/** Counts answers: 2xx acknowledged, 503 by code and reason, 500s, and 503s lacking Retry-After. */
export function tally(fault: string, responses: Response[], stored: number | null = null, notes?: string): Tally {
  const byCode: Record<string, number> = {};
  let acknowledged = 0;
  let unavailable = 0;
  let serverErrors = 0;
  let withoutRetryAfter = 0;
  for (const r of responses) {
    if (r.status >= 200 && r.status < 300) acknowledged++;
    if (r.status >= 500 && r.status !== 503) serverErrors++;
    if (r.status === 503) {
      unavailable++;
      if (!/^\d+$/.test(String(r.headers['retry-after'] ?? ''))) withoutRetryAfter++;
    }
    const label =
      r.status >= 200 && r.status < 300 ? String(r.status) : `${r.status} ${r.body?.code}${r.body?.reason ? `/${r.body.reason}` : ''}`;
    byCode[label] = (byCode[label] ?? 0) + 1;
  }
  return {
    fault,
    sent: responses.length,
    acknowledged,
    stored,
    unavailable,
    byCode,
    serverErrors,
    withoutRetryAfter,
    ...(notes ? { notes } : {}),
  };
}

export function printTallies(all: Tally[]): void {
  const lines = all.map(
    (t) =>
      `${t.fault}: sent ${t.sent}, acknowledged ${t.acknowledged}, stored ${t.stored ?? '-'}, 503 ${t.unavailable}, ` +
      `500s ${t.serverErrors}, 503 without Retry-After ${t.withoutRetryAfter}; ${Object.entries(t.byCode)
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ')}${t.notes ? ` (${t.notes})` : ''}`,
  );
  process.stdout.write(`\nDatabase fault figures\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

export async function eventCount(pool: pg.Pool, streamIds: string[]): Promise<number> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = ANY($1::text[])', [streamIds]);
  return rows[0].n;
}

/** Polls /health/ready until 200; returns how long that took (ms), or null if it never did. */
export async function readyAgain(t: TestApp, ms = 20_000): Promise<number | null> {
  const from = Date.now();
  while (Date.now() - from < ms) {
    if ((await request(t.http).get('/health/ready')).status === 200) return Date.now() - from;
    await sleep(50);
  }
  return null;
}

/** A login role of this test run; dropped by dropStaleRoles once the run's process is gone. */
export function roleName(): string {
  return `${ROLE_PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
}

export async function createRole(pool: pg.Pool, role: string): Promise<void> {
  const r = pg.escapeIdentifier(role);
  // As in production (docs/operations.md, "Database roles"): system work bypasses row-level
  // security, request work switches to ledger_app.
  await pool.query(`CREATE ROLE ${r} LOGIN BYPASSRLS`);
  await pool.query(`GRANT ledger_app TO ${r}`);
  await pool.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${r}`);
  await pool.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
}

export async function dropRole(role: string): Promise<void> {
  const c = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await c.connect();
  await c.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`).finally(() => c.end());
}

/** Roles left by a run whose process is gone (their databases are dropped by the global setup). */
export async function dropStaleRoles(): Promise<void> {
  const c = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT rolname FROM pg_roles WHERE rolname LIKE $1`, [`${ROLE_PREFIX}%`]);
    for (const { rolname } of rows) {
      const pid = Number(String(rolname).slice(ROLE_PREFIX.length).split('_')[0]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        /* gone */
      }
      if (!alive) await c.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(rolname)}`).catch(() => undefined);
    }
  } finally {
    await c.end();
  }
}
