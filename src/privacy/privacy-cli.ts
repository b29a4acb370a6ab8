// people:erase, people:export, people:erasures, people:replay-erasures and keys:master-rotate
// (docs/privacy.md). Each main takes its arguments and environment and returns the exit code, so
// tests run them in-process against their own database.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import pg from 'pg';
import { ConfigError, loadConfig, type AppConfig } from '../config/config.js';
import { DependencyUnavailableError, openDatabase, poolOf } from '../config/database.js';
import { PostgresEventStore, ProjectionEngine, type RebuildProgress } from '../event-store/index.js';
import { INSTANCE_ORGANISATION_ID } from '../organisations/acting.js';
import { PROJECTIONS } from '../partnerships/read-models/projections.registry.js';
import { progress, type Progress } from '../shared/progress.js';
import { eraseSubjects, erasureLog, ErasureInputError, replayErasures, type ErasureLogEntry } from './erasure.js';
import { currentMasterKey, parseMasterKey, useMasterKey } from './master-key.js';
import { exportSubject, rotateMasterKey } from './subject-access.js';
import { subjectOfName } from './subject-keys.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}
type Env = Record<string, string | undefined>;
const processIO: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
const EXIT = { ok: 0, failed: 2 } as const;

class UsageError extends Error {}

function args(argv: string[], options: ParseArgsConfig['options']) {
  return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values as Record<string, string | boolean | undefined>;
}

async function withDatabase<T>(env: Env, fn: (pool: pg.Pool, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  useMasterKey(config.masterKey, config);
  const ds = await openDatabase(config.DATABASE_URL, { migrate: config.DB_MIGRATE_ON_START, poolSize: 4 });
  try {
    return await fn(poolOf(ds), config);
  } finally {
    await ds.destroy();
  }
}

async function run(io: CliIO, usage: string, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof UsageError) io.err(`${err.message}\n${usage}`);
    else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) io.err(`${(err as Error).message}\n${usage}`);
    else if (err instanceof ErasureInputError) io.err(`--${err.field}: ${err.reason}\n`);
    else if (err instanceof ConfigError || err instanceof DependencyUnavailableError) io.err(`${err.message}\n`);
    else io.err(`${(err as Error).message ?? String(err)}\n`);
    return EXIT.failed;
  }
}

async function organisationOf(pool: pg.Pool, given: unknown): Promise<string> {
  if (typeof given !== 'string') return INSTANCE_ORGANISATION_ID;
  const { rows } = await pool.query('SELECT id FROM organisations WHERE id::text = $1 OR slug = $1', [given]);
  if (!rows[0]) throw new UsageError(`--organisation: no organisation ${JSON.stringify(given)} (give its slug or id)`);
  return rows[0].id;
}

/** The subject named by --subject, or found by --name in the organisation. */
async function subjectOf(pool: pg.Pool, v: Record<string, unknown>, organisationId: string): Promise<string> {
  if (typeof v.subject === 'string') return v.subject;
  if (typeof v.name !== 'string' || !v.name.trim()) throw new UsageError('give --name <name as recorded> or --subject <id>');
  const s = await subjectOfName(pool, currentMasterKey(), organisationId, v.name);
  if (!s) throw new Error('no subject of that name in this organisation (never recorded here, or already erased)');
  return s;
}

/** A bar per projection rebuild, on stderr. */
function rebuildBars(): { onProgress: (name: string, p: RebuildProgress) => void; stop: () => void } {
  const bars = new Map<string, Progress>();
  return {
    onProgress: (name, p) => {
      let bar = bars.get(name);
      if (!bar) bars.set(name, (bar = progress(`rebuild ${name} v${p.version}`, { unit: 'events' })));
      bar.update(p.done, p.total, p.eventsPerSecond);
    },
    stop: () => bars.forEach((b) => b.stop()),
  };
}

const ERASE_USAGE =
  'usage: npm run people:erase -- (--name <name as recorded> | --subject <id>) --reason <why> [--organisation <slug>] [--by <who>]\n';

export function peopleEraseMain(argv: string[], env: Env = {}, io: CliIO = processIO): Promise<number> {
  return run(io, ERASE_USAGE, async () => {
    const v = args(argv, {
      name: { type: 'string' },
      subject: { type: 'string' },
      reason: { type: 'string' },
      organisation: { type: 'string' },
      by: { type: 'string' },
    });
    if (typeof v.reason !== 'string') throw new UsageError('--reason is required: say why (it is recorded; name nobody in it)');
    return withDatabase(env, async (pool) => {
      const organisationId = await organisationOf(pool, v.organisation);
      const subjectId = await subjectOf(pool, v, organisationId);
      const store = new PostgresEventStore(pool);
      const bars = rebuildBars();
      try {
        const out = await eraseSubjects(
          pool,
          new ProjectionEngine(store, null),
          Object.values(PROJECTIONS),
          {
            organisationId,
            subjectIds: [subjectId],
            erasedBy: typeof v.by === 'string' ? v.by : `cli:${userInfo().username}`,
            reason: v.reason as string,
          },
          bars.onProgress,
        );
        bars.stop();
        if (out.alreadyErased.length) {
          io.err(`subject ${subjectId} was erased before (or has no key here); nothing to do\n`);
          return EXIT.failed;
        }
        const { plain: _plain, ...shown } = out;
        io.out(JSON.stringify(shown, null, 2) + '\n');
        io.err(
          `erased subject ${subjectId}: ${out.events} events in ${out.streams.length} partnerships now read as erased; ` +
            `${out.readRows} read rows rebuilt; ${out.reports} stored reports queued to be rendered again\n`,
        );
        return EXIT.ok;
      } finally {
        bars.stop();
        store.close();
      }
    });
  });
}

const EXPORT_USAGE = 'usage: npm run people:export -- (--name <name as recorded> | --subject <id>) [--organisation <slug>]\n';

export function peopleExportMain(argv: string[], env: Env = {}, io: CliIO = processIO): Promise<number> {
  return run(io, EXPORT_USAGE, async () => {
    const v = args(argv, { name: { type: 'string' }, subject: { type: 'string' }, organisation: { type: 'string' } });
    return withDatabase(env, async (pool) => {
      const subjectId = await subjectOf(pool, v, await organisationOf(pool, v.organisation));
      io.out(JSON.stringify(await exportSubject(pool, subjectId), null, 2) + '\n');
      return EXIT.ok;
    });
  });
}

export function peopleErasuresMain(argv: string[], env: Env = {}, io: CliIO = processIO): Promise<number> {
  return run(io, 'usage: npm run people:erasures  (prints the erasure log as JSON; keep it with the backups)\n', async () => {
    args(argv, {});
    return withDatabase(env, async (pool) => {
      io.out(JSON.stringify(await erasureLog(pool), null, 2) + '\n');
      return EXIT.ok;
    });
  });
}

const REPLAY_USAGE = 'usage: npm run people:replay-erasures -- --from <erasures.json | postgres://… of a database with the later log>\n';

async function logFrom(from: string): Promise<ErasureLogEntry[]> {
  if (/^postgres(ql)?:\/\//.test(from)) {
    const other = new pg.Pool({ connectionString: from, max: 1 });
    try {
      return await erasureLog(other);
    } finally {
      await other.end();
    }
  }
  const parsed: unknown = JSON.parse(readFileSync(from, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed as { erasures?: unknown })?.erasures;
  if (!Array.isArray(list)) throw new UsageError(`--from: ${from} holds no list of erasures (npm run people:erasures writes one)`);
  for (const e of list as ErasureLogEntry[])
    if (typeof e?.id !== 'string' || typeof e.subjectId !== 'string' || typeof e.organisationId !== 'string')
      throw new UsageError(`--from: an entry lacks id, subjectId or organisationId`);
  return list as ErasureLogEntry[];
}

export function peopleReplayErasuresMain(argv: string[], env: Env = {}, io: CliIO = processIO): Promise<number> {
  return run(io, REPLAY_USAGE, async () => {
    const v = args(argv, { from: { type: 'string' } });
    if (typeof v.from !== 'string') throw new UsageError('--from is required');
    const log = await logFrom(v.from);
    return withDatabase(env, async (pool) => {
      const store = new PostgresEventStore(pool);
      const bars = rebuildBars();
      try {
        const out = await replayErasures(pool, new ProjectionEngine(store, null), Object.values(PROJECTIONS), log, bars.onProgress);
        bars.stop();
        io.out(JSON.stringify(out, null, 2) + '\n');
        io.err(`${out.applied} erasures applied, ${out.present} were already recorded here\n`);
        return EXIT.ok;
      } finally {
        bars.stop();
        store.close();
      }
    });
  });
}

const ROTATE_USAGE =
  'usage: LEDGER_MASTER_KEY_NEW=<base64> npm run keys:master-rotate   (or -- --new-key-file <file>)\n' +
  'Rewraps every data key under the new master key; then configure LEDGER_MASTER_KEY with it.\n';

export function masterRotateMain(argv: string[], env: Env = {}, io: CliIO = processIO): Promise<number> {
  return run(io, ROTATE_USAGE, async () => {
    const v = args(argv, { 'new-key-file': { type: 'string' } });
    const text = typeof v['new-key-file'] === 'string' ? readFileSync(v['new-key-file'], 'utf8') : env.LEDGER_MASTER_KEY_NEW;
    if (!text) throw new UsageError('the new master key is missing');
    let next;
    try {
      next = parseMasterKey(text);
    } catch (err) {
      throw new UsageError(`the new master key ${(err as Error).message}`);
    }
    return withDatabase(env, async (pool, config) => {
      const current = config.masterKey;
      const bar = progress(`rewrap ${current.id} → ${next.id}`, { unit: 'keys' });
      const out = await rotateMasterKey(pool, current, next, (d, t) => bar.update(d, t));
      bar.stop();
      io.out(JSON.stringify({ from: current.id, to: next.id, ...out }) + '\n');
      io.err(`rewrapped ${out.rewrapped} data keys under master key ${next.id}; now set LEDGER_MASTER_KEY to the new key and restart\n`);
      return EXIT.ok;
    });
  });
}
