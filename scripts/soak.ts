// `npm run soak -- --minutes N`: two API and two worker processes on a PostgreSQL cluster and a
// Redis of their own, under mixed load, with faults injected at random moments; then every unknown
// outcome is retried with its key and the result is checked. Exits 1 on any loss, duplicate, 500
// or mismatch. See docs/operations.md#the-chaos-soak.
import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApiKey } from '../src/auth/api-keys.js';
import { ensureDatabase, openDatabase, poolOf } from '../src/config/database.js';
import { progress } from '../src/shared/progress.js';
import { checkCommands, checkProjections, checkReports, verifyLedger } from './soak/checks.js';
import { PrivatePostgres, PrivateRedis, freePort } from './soak/cluster.js';
import { FaultProxy } from './soak/fault-proxy.js';
import { allArrived, checkDeliveries, HookReceiver, Mailbox, subscribe } from './soak/deliveries.js';
import { FAULT_KINDS, faultLoop, type FaultKind, type FaultRecord } from './soak/faults.js';
import { Load } from './soak/load.js';
import { ServiceProcess, sleep, untilReady } from './soak/processes.js';
import { summarise } from './soak/summary.js';

const USAGE = `usage: npm run soak -- [--minutes N] [--clients N] [--partnerships N] [--faults kind,kind] [--keep]
  fault kinds: ${FAULT_KINDS.join(', ')}`;

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    clients: { type: 'string', default: '3' },
    partnerships: { type: 'string', default: '8' },
    faults: { type: 'string', default: FAULT_KINDS.join(',') },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const minutes = Number(opts.minutes);
const kinds = opts.faults.split(',').filter(Boolean) as FaultKind[];
if (!(minutes > 0) || kinds.some((k) => !FAULT_KINDS.includes(k))) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'pl-soak-'));
const say = (line: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const postgres = new PrivatePostgres();
const redis = new PrivateRedis();
const mailbox = new Mailbox();
const hooks = new HookReceiver();
/** Mails gather this long: short, so a soak's minutes hold many batches (and their faults). */
const MAIL_BATCH_SECONDS = 20;
const proxies = Array.from({ length: 4 }, () => new FaultProxy(() => postgres.port));
const services: ServiceProcess[] = [];
let exitCode = 1;
let endsAt = Infinity;
// Ctrl-C ends the load early and still runs the checks and the clean-up; a second one ends it now.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (endsAt > Date.now()) {
      say(`${signal}: ending the load after the current fault, then checking (again to stop at once)`);
      endsAt = Date.now();
      return;
    }
    for (const s of services) void s.kill();
    void postgres.destroy(true).finally(() => process.exit(130));
  });

try {
  say(`private PostgreSQL in ${postgres.dir}, logs in ${scratch}`);
  const server = await postgres.start();
  const databaseUrl = `${server}/partnership_ledger_test_soak_${process.pid}`;
  await ensureDatabase(databaseUrl);
  const ds = await openDatabase(databaseUrl, { migrate: true, poolSize: 4 });
  const pool = poolOf(ds);
  pool.on('error', () => undefined);
  const { key: officeKey } = await createApiKey(pool, { name: 'Soak Office', role: 'office' });
  const { key: adminKey } = await createApiKey(pool, { name: 'Soak Admin', role: 'admin' });
  const signingKey = join(scratch, 'ledger-signing.pem');
  writeFileSync(signingKey, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  await redis.start();
  for (const p of proxies) await p.start();
  await mailbox.start();
  await hooks.start();

  const common = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    REDIS_PREFIX: `pl_test_soak_${process.pid}`,
    DB_MIGRATE_ON_START: 'false',
    DB_CREATE_IF_MISSING: 'false',
    DB_POOL_SIZE: '8',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    OPARL_PUBLIC: 'true',
    DIGEST_ENABLED: 'false',
    PROJECTION_POLL_MS: '200',
    // Shorter than the defaults so recoveries happen within a soak's minutes, not hours.
    REPORT_RECONCILE_MS: '3000',
    REPORT_LOCK_MS: '5000',
    REPORT_STALLED_INTERVAL_MS: '5000',
    REPORT_BACKOFF_MS: '500',
    REPORT_BACKOFF_MAX_MS: '5000',
    LEDGER_SIGNING_KEY_FILE: signingKey,
    LEDGER_CHECKPOINT_INTERVAL_MS: '20000',
    // Mail and webhooks to the counterparts in this process (loopback, plain http and SMTP).
    SMTP_URL: mailbox.url,
    MAIL_FROM: 'Partnership Ledger <ledger@soak.example>',
    MAIL_BATCH_SECONDS: String(MAIL_BATCH_SECONDS),
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    // A killed worker's claimed mails and deliveries go out again after 5 s, not a minute.
    NOTIFY_LEASE_MS: '5000',
    NOTIFY_POLL_MS: '500',
  };
  const dbVia = (i: number) => databaseUrl.replace(`:${postgres.port}/`, `:${proxies[i]!.port}/`);
  const apis = [0, 1].map(
    (i) =>
      new ServiceProcess({
        name: `api-${i + 1}`,
        kind: 'api',
        dist,
        logDir: scratch,
        env: { ...common, DATABASE_URL: dbVia(i), WORKERS_ENABLED: 'false' },
      }),
  );
  for (const api of apis) api.spec.port = await freePort();
  const workers = [2, 3].map(
    // info: the worker says it runs in a log line, which is how the soak knows it started.
    (i) =>
      new ServiceProcess({
        name: `worker-${i - 1}`,
        kind: 'worker',
        dist,
        logDir: scratch,
        env: { ...common, DATABASE_URL: dbVia(i), LOG_LEVEL: 'info' },
      }),
  );
  services.push(...apis, ...workers);
  for (const s of services) say(`${s.spec.name} started in ${await s.start()} ms`);

  const partnerships = Array.from({ length: Number(opts.partnerships) }, (_, i) => `soak-${process.pid}-${i + 1}`);
  const load = new Load(apis, officeKey, partnerships);
  // Before any entry exists, so every entry of the run is due (half the partnerships are followed by mail).
  const listeners = await subscribe(
    pool,
    apis[0]!.url,
    adminKey,
    hooks,
    partnerships.filter((_, i) => i % 2 === 0),
  );
  say(`subscribed a person to ${listeners.followed.length} partnerships by mail; webhook endpoint ${listeners.endpointId}`);
  for (const [i, id] of partnerships.entries()) {
    const c = load.newCommand(id, '/api/v1/partnerships', {
      partnershipId: id,
      occurredOn: '2020',
      tier: 'initiative',
      ownMunicipality: { de: 'Dortmund', en: 'Dortmund' },
      counterpart: i % 2 ? { uk: 'Житомир', en: 'Zhytomyr' } : { uk: 'Вінниця', en: 'Vinnytsia' },
    });
    while (!(await load.attempt(c))) await sleep(500);
  }

  const started = Date.now();
  endsAt = Math.min(endsAt, started + minutes * 60_000);
  say(`load and faults for ${minutes} min: ${kinds.join(', ')}`);
  load.start(Number(opts.clients));
  const bar = progress('soak', { unit: 's', lineEveryMs: 30_000 });
  const ticker = setInterval(() => bar.update(Math.min(Math.round((Date.now() - started) / 1000), minutes * 60), minutes * 60), 1000);
  const targets = { apis, workers, proxies, redis, postgres, databaseUrl, lockMs: 30_000 };
  const faults: FaultRecord[] = await faultLoop(
    targets,
    kinds,
    () => Date.now() >= endsAt,
    (r) => say(`${r.kind}${r.note ? ` (${r.note})` : ''}: ready again after ${r.recoveryMs === null ? 'NEVER' : `${r.recoveryMs} ms`}`),
  );
  await load.stop();
  clearInterval(ticker);
  bar.stop();
  const loadSeconds = Math.round((Date.now() - started) / 1000);

  // Everything back up, then the unknown outcomes retried with their keys.
  for (const s of services) if (!s.running) say(`${s.spec.name} was down; restarted in ${await s.start()} ms`);
  await untilReady(apis, Date.now());
  say('retrying commands without an answer, waiting for reports');
  await load.settle(180_000);
  const reportsDeadline = Date.now() + 300_000;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE status IN ('queued', 'running')`);
    if (rows[0]!.n === 0 || Date.now() > reportsDeadline) break;
    await sleep(1000);
  }
  // The drain: one batching window at least, then until every due mail entry and webhook arrived.
  say('draining: waiting for every due mail and webhook delivery');
  const drainStarted = Date.now();
  for (;;) {
    const a = await allArrived(pool, listeners, load.commands, mailbox, hooks);
    if ((a.done && Date.now() - drainStarted > MAIL_BATCH_SECONDS * 1000) || Date.now() - drainStarted > 300_000) break;
    await sleep(2000);
  }
  const drainSeconds = Math.round((Date.now() - drainStarted) / 1000);
  for (const s of services) await s.stop();

  say('checking: commands, reports, projections against a rebuild, ledger:verify');
  const commands = await checkCommands(pool, load.commands);
  const reports = await checkReports(pool, load.reports.keys());
  const projections = await checkProjections(pool);
  const deliveries = await checkDeliveries(pool, listeners, load.commands, mailbox, hooks, MAIL_BATCH_SECONDS);
  const verify = await verifyLedger(dist, { DATABASE_URL: databaseUrl, LEDGER_SIGNING_KEY_FILE: signingKey });
  await ds.destroy();
  const { text, ok } = summarise({
    minutes,
    loadSeconds,
    kinds,
    commands,
    reports,
    deliveries: {
      ...deliveries,
      drainSeconds,
      batchSeconds: MAIL_BATCH_SECONDS,
      followed: listeners.followed.length,
      partnerships: partnerships.length,
    },
    projections,
    verify,
    faults,
    load,
  });
  process.stdout.write(text);
  exitCode = ok ? 0 : 1;
} catch (err) {
  say(`the soak could not run: ${(err as Error).stack ?? String(err)}`);
  exitCode = 2;
} finally {
  for (const s of services) {
    await s.kill().catch(() => undefined);
    s.close();
  }
  for (const p of proxies) await p.stop();
  await mailbox.close();
  await hooks.close();
  await redis.stop();
  await postgres.destroy(opts.keep);
  if (opts.keep) say(`kept ${scratch} and the stopped cluster in ${postgres.dir}`);
  else if (exitCode === 0) rmSync(scratch, { recursive: true, force: true });
  else say(`process logs kept in ${scratch}`);
}
process.exit(exitCode);
