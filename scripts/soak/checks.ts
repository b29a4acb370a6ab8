// What the soak checks once the load and the faults are over, on its own connection to the
// database: every acknowledged command stored exactly once, every accepted report completed with
// its files once, projections equal to a rebuild, and the ledger's hash chains and checkpoints.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { PostgresEventStore, ProjectionEngine, ident } from '../../src/event-store/index.js';
import { PROJECTIONS } from '../../src/partnerships/read-models/projections.registry.js';
import type { Command } from './load.js';

export interface CommandCheck {
  sent: number;
  acknowledged: number;
  unresolved: number;
  lost: number;
  duplicated: number;
  storedWithoutAnswer: number;
}

export async function checkCommands(pool: pg.Pool, commands: Command[]): Promise<CommandCheck> {
  const { rows } = await pool.query<{ key: string; ids: string[] }>(
    `SELECT metadata->>'idempotencyKey' AS key, array_agg(event_id::text ORDER BY stream_version) AS ids
       FROM events WHERE metadata->>'idempotencyKey' LIKE 'soak-%' GROUP BY 1`,
  );
  const stored = new Map(rows.map((r) => [r.key, r.ids]));
  let lost = 0;
  let duplicated = 0;
  let storedWithoutAnswer = 0;
  for (const c of commands) {
    const ids = stored.get(c.key) ?? [];
    if (!c.eventIds) {
      if (ids.length) storedWithoutAnswer++;
      continue;
    }
    if (!c.eventIds.every((id) => ids.includes(id))) lost++;
    if (ids.length > c.eventIds.length) duplicated++;
  }
  const acknowledged = commands.filter((c) => c.eventIds).length;
  return { sent: commands.length, acknowledged, unresolved: commands.length - acknowledged, lost, duplicated, storedWithoutAnswer };
}

export interface ReportCheck {
  requested: number;
  completed: number;
  lost: number;
  failed: number;
  filesMissingOrExtra: number;
  system: number;
}

const FORMATS: Record<string, number> = { dossier: 3, aid_summary: 2, office_digest: 2, reminders: 2 };

export async function checkReports(pool: pg.Pool, accepted: Iterable<string>): Promise<ReportCheck> {
  const { rows } = await pool.query<{ id: string; type: string; status: string; files: number; system: boolean }>(
    `SELECT r.id, r.type, r.status, r.dedupe_key IS NOT NULL AS system,
            (SELECT count(*)::int FROM report_files f WHERE f.report_id = r.id) AS files
       FROM reports r`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ids = [...accepted];
  let completed = 0;
  let failed = 0;
  let lost = 0;
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) lost++;
    else if (r.status === 'completed') completed++;
    else if (r.status === 'failed') failed++;
    else lost++;
  }
  const filesMissingOrExtra = rows.filter((r) => r.status === 'completed' && r.files !== FORMATS[r.type]).length;
  return { requested: ids.length, completed, lost, failed, filesMissingOrExtra, system: rows.filter((r) => r.system).length };
}

async function digest(pool: pg.Pool): Promise<string> {
  const h = createHash('md5');
  for (const def of Object.values(PROJECTIONS))
    for (const base of def.tables) {
      const { rows } = await pool.query<{ r: string }>(`SELECT t::text AS r FROM ${ident(base)} t ORDER BY 1`);
      h.update(`${base}\n`);
      for (const r of rows) h.update(`${r.r}\n`);
    }
  return h.digest('hex');
}

/** md5 of every projection's rows in order, caught up with the log, then again after a rebuild from zero. */
export async function checkProjections(pool: pg.Pool): Promise<{ live: string; rebuilt: string; equal: boolean }> {
  const store = new PostgresEventStore(pool);
  const engine = new ProjectionEngine(store, null);
  try {
    for (const def of Object.values(PROJECTIONS)) await engine.catchUp(def);
    const live = await digest(pool);
    for (const def of Object.values(PROJECTIONS)) await engine.rebuild(def);
    const rebuilt = await digest(pool);
    return { live, rebuilt, equal: live === rebuilt };
  } finally {
    store.close();
  }
}

/** `npm run ledger:verify` against the soak's database and signing key. */
export async function verifyLedger(dist: string, env: Record<string, string>): Promise<{ ok: boolean; text: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [join(dist, 'scripts/ledger-verify.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, text: stdout };
  } catch (err) {
    return { ok: false, text: String((err as { stdout?: string }).stdout || (err as Error).message) };
  }
}
