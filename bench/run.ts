// The benchmark suite (issue 6). `npm run bench` for the full run, `npm run bench -- --quick` for a
// run under two minutes. Every figure is measured beside its baseline in the same run; the ratio is
// what to compare across machines, not the absolute numbers. Timing assertions never go in tests.
//
// Targets are those of issue 15; every row shows its baseline, the ratio and whether the target was met.
// Options: --quick, --duration=<s> (per measured phase), --warmup=<s>, --writers=1,8,32,
//          --only=append,privacy,http,tracing,rebuild,reads,rls, --no-write (do not write bench/results/*.json), --help
// Figures run in that order; the rebuild runs before the reads so its RSS is not inflated by
// garbage the in-process store-level reads leave behind.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, ensureDatabase, openDatabase } from '../src/config/database.js';
import { benchAppend, benchBatch, createPlainTable, type AppendLevel, type BatchFigure } from './figures/append.js';
import { benchReads, type ReadsFigure } from './figures/reads.js';
import { benchEncryption, type EncryptionFigure } from './figures/privacy.js';
import { benchHttp, type HttpFigure } from './figures/http.js';
import { benchRebuild, type RebuildFigure } from './figures/rebuild.js';
import { benchRls, type RlsFigure } from './figures/rls.js';
import { benchRlsHttp, type RlsHttpFigure } from './figures/rls-http.js';
import { benchTracingOff, type TracingOffFigure } from './figures/tracing.js';

/** Pairs of rounds (without, with the register) in the tracing-off figure. */
const TRACING_PAIRS = 8;
import type { CpuShare } from './lib/cpu.js';
import type { RunResult } from './lib/driver.js';
import { machineInfo } from './lib/machine.js';
import { fmt, renderTable } from './lib/table.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled to dist/bench/run.js; the sources (and results/) live in <root>/bench.
const root = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

const USAGE = `Usage: npm run bench [-- options]
  --quick              a short run (5 s phases, smaller data: 20k/100k-event rebuilds)
  --duration=<s>       seconds per measured phase (20, quick 5)
  --warmup=<s>         seconds of warm-up per phase (3, quick 1)
  --writers=1,8,32     concurrent writers for the append figure
  --only=append,privacy,http,tracing,rebuild,reads,rls
  --no-write           do not write bench/results/*.json
  --help               print this and exit`;

function parseArgs(argv: string[]) {
  const flags = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    flags.set(m[1], m[2] ?? 'true');
  }
  const quick = flags.has('quick');
  const seconds = (name: string, dflt: number) => Number(flags.get(name) ?? dflt) * 1000;
  return {
    help: flags.has('help'),
    quick,
    durationMs: seconds('duration', quick ? 5 : 20),
    warmupMs: seconds('warmup', quick ? 1 : 3),
    writers: (flags.get('writers') ?? '1,8,32').split(',').map(Number),
    only: new Set((flags.get('only') ?? 'append,privacy,http,tracing,rebuild,reads,rls').split(',')),
    write: !flags.has('no-write'),
  };
}

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/partnership_ledger_bench';
function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

/** The HTTP API and the projections are built by other issues; the bench measures them once they exist. */
function built(rel: string): boolean {
  return existsSync(path.join(root, rel));
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = new Date();
  const baseName = new URL(BASE_URL).pathname.slice(1);
  // append: ours + plain INSERT in the base database, the peer in its own; HTTP commands and reads
  // in a fresh one (so the app's projection runner has no backlog from the append figure); the
  // rebuild in another, so its event count is exact.
  const urls = {
    ours: BASE_URL,
    emmett: withDb(BASE_URL, `${baseName}_emmett`),
    app: withDb(BASE_URL, `${baseName}_app`),
    rebuild: withDb(BASE_URL, `${baseName}_rebuild`),
    rls: withDb(BASE_URL, `${baseName}_rls`),
  };
  for (const u of Object.values(urls)) {
    await dropDatabase(u);
    await ensureDatabase(u);
  }
  const machine = await machineInfo(urls.ours);
  log(
    `machine: ${machine.cpus} cpus, ${machine.memoryGiB} GiB, Postgres ${machine.postgres}, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
  );
  for (const u of [urls.ours, urls.app, urls.rebuild, urls.rls]) {
    const ds = await openDatabase(u, { migrate: true, poolSize: 2 });
    await ds.destroy();
  }
  await createPlainTable(urls.ours);
  // Tracing off: many short rounds rather than a few long ones, so the median has something to choose from.
  const tracingRoundMs = Math.max(3000, args.durationMs / 4);
  const rebuildSizes = (args.quick ? [20, 100] : [100, 1000]).map((partnerships) => ({ partnerships, eventsPerPartnership: 1000 }));
  const lagRate = 500;
  const batch = { writers: 4, eventsPerCall: 100 };
  const asOfStreams = [50, 500, 5000];
  const rlsHttpParams = args.quick
    ? { connections: 16, partnerships: 20, entriesPerPartnership: 20, rounds: 2 }
    : { connections: 32, partnerships: 50, entriesPerPartnership: 50, rounds: 4 };
  // Each side of an RLS figure gets a phase's measured time in all, split over its alternating rounds
  // (at least 5 s each), not a whole phase per round: four rounds of 20 s made these two figures a
  // third of a full run.
  const rlsRoundMs = (rounds: number) => Math.max(5000, args.durationMs / rounds);
  const rlsParams = args.quick
    ? { organisations: 20, partnershipsPerOrganisation: 10, eventsPerPartnership: 50, writers: 8, rounds: 2 }
    : { organisations: 200, partnershipsPerOrganisation: 25, eventsPerPartnership: 100, writers: 8, rounds: 4 };

  const params = {
    mode: args.quick ? 'quick' : 'full',
    warmupSeconds: args.warmupMs / 1000,
    durationSeconds: args.durationMs / 1000,
    append: {
      writers: args.writers,
      streamsPerWriter: 8,
      eventsPerAppend: 1,
      poolSize: '= writers',
      seedEvents: args.quick ? 10_000 : 100_000,
    },
    batch: { ...batch, poolSize: '= writers', baseline: 'one multi-row INSERT of the same rows into plain_events' },
    http: {
      connections: 32,
      partnerships: 1000,
      endpoint: 'POST /api/v1/partnerships/{id}/aid-deliveries',
      tool: 'autocannon',
      app: 'child process, DB_POOL_SIZE=32',
      floor: 'bench/floors/server.ts: node:http, JSON.parse, one INSERT, pool 32',
      lag: {
        commitsPerSecond: lagRate,
        measured: 'PostgresEventStore.append returned → version visible in partnership_status (polled every 2 ms)',
      },
    },
    tracingOff: {
      connections: 32,
      partnerships: 200,
      pairs: TRACING_PAIRS,
      roundSeconds: tracingRoundMs / 1000,
      endpoint: 'POST /api/v1/partnerships/{id}/aid-deliveries',
      compared:
        'node --import dist/src/telemetry/register.js (no OTEL endpoint) vs without the register file; both HTTP-only apps up, a third runs the background work; rounds paired ABBA, median of the pair ratios',
    },
    rebuild: {
      sizes: rebuildSizes.map((r) => r.partnerships * r.eventsPerPartnership),
      eventsPerPartnership: 1000,
      engine: 'in-process ProjectionEngine.rebuild (batches of 2000)',
      rssSampleMs: 100,
    },
    rls: {
      ...rlsParams,
      roundSeconds: rlsRoundMs(rlsParams.rounds) / 1000,
      compared: 'the same store and database: system work (policies bypassed) against request work (ledger_app)',
    },
    rlsHttp: {
      ...rlsHttpParams,
      roundSeconds: rlsRoundMs(rlsHttpParams.rounds) / 1000,
      compared: 'the same app, alternating: request work as ledger_app against DATABASE_APP_ROLE empty',
    },
    reads: {
      readers: 32,
      timelineEntries: 500,
      asOfStreams,
      validAt: '2026-12-31',
      tool: 'closed loop of fetch() clients',
      app: 'child process, DB_POOL_SIZE=32, council key',
      floor: 'bench/floors/server.ts: node:http, one SQL query building the page with json_agg, pool 32',
      storeLevelConcurrent: !args.quick,
    },
  };

  let append: AppendLevel[] = [];
  let batched: BatchFigure | null = null;
  let encryption: EncryptionFigure | null = null;
  let reads: ReadsFigure | null = null;
  let rls: RlsFigure | null = null;
  let rlsHttp: RlsHttpFigure | null = null;
  const rebuilds: RebuildFigure[] = [];
  let http: HttpFigure | null = null;
  let tracingOff: TracingOffFigure | null = null;
  const phaseSeconds: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      phaseSeconds[name] = Math.round((performance.now() - t) / 100) / 10;
    }
  };
  const notBuilt: Record<string, string> = {};
  try {
    if (args.only.has('append')) {
      append = await timed('append', () =>
        benchAppend(
          urls,
          {
            writers: args.writers,
            warmupMs: args.warmupMs,
            durationMs: args.durationMs,
            streamsPerWriter: 8,
            seedEvents: args.quick ? 10_000 : 100_000,
          },
          log,
        ),
      );
      batched = await timed('batch', () => benchBatch(urls.ours, { ...batch, warmupMs: args.warmupMs, durationMs: args.durationMs }, log));
    }
    if (args.only.has('privacy'))
      encryption = await timed('privacy', () =>
        benchEncryption(urls.ours, { writers: 8, warmupMs: args.warmupMs, durationMs: args.durationMs }, log),
      );
    if (args.only.has('http')) {
      if (!built('dist/src/partnerships/write/milestones.controller.js') || !built('dist/src/auth/api-keys.js'))
        notBuilt.http = 'POST /api/v1/partnerships/{id}/aid-deliveries does not exist yet (src/partnerships/write)';
      else
        http = await timed('http', () =>
          benchHttp(
            root,
            urls.app,
            { connections: 32, partnerships: 1000, warmupMs: args.warmupMs, durationMs: args.durationMs, lagRate },
            log,
          ),
        ).catch((err) => {
          notBuilt.http = `the app could not be benchmarked: ${err instanceof Error ? err.message : err}`;
          log(notBuilt.http);
          return null;
        });
    }
    // A figure that fails is reported as such; the figures measured before and after it are kept.
    const failed = (name: string) => (err: unknown) => {
      notBuilt[name] = `failed: ${err instanceof Error ? err.message : String(err)}`;
      log(`${name} ${notBuilt[name]}`);
      return null;
    };
    if (args.only.has('tracing'))
      tracingOff = await timed('tracing', () =>
        benchTracingOff(
          root,
          urls.app,
          { connections: 32, partnerships: 200, pairs: TRACING_PAIRS, warmupMs: args.warmupMs, roundMs: tracingRoundMs },
          log,
        ).catch(failed('tracing')),
      );
    if (args.only.has('rebuild'))
      await timed('rebuild', async () => {
        for (const [i, size] of rebuildSizes.entries()) {
          if (i > 0) {
            // A fresh database per size, so each event count is exact and the second size does not inherit the first's bloat.
            await dropDatabase(urls.rebuild);
            await ensureDatabase(urls.rebuild);
            await (await openDatabase(urls.rebuild, { migrate: true, poolSize: 2 })).destroy();
          }
          const r = await benchRebuild(urls.rebuild, size, log).catch(failed(`rebuild ${size.partnerships * size.eventsPerPartnership}`));
          if (r) rebuilds.push(r);
        }
      });
    if (args.only.has('reads'))
      reads = await timed('reads', () =>
        benchReads(
          root,
          urls.app,
          {
            readers: 32,
            timelineEntries: 500,
            foldStreamEvents: 5000,
            asOfStreams,
            warmupMs: args.warmupMs,
            durationMs: args.durationMs,
            storeConcurrent: !args.quick,
          },
          log,
        ).catch(failed('reads')),
      );
    if (args.only.has('rls'))
      rls = await timed('rls', () =>
        benchRls(urls.rls, { ...rlsParams, warmupMs: args.warmupMs, durationMs: rlsRoundMs(rlsParams.rounds) }, log).catch(failed('rls')),
      );
    if (args.only.has('rls')) {
      // The app's own database: a fresh one, so the figure's data is its own.
      await dropDatabase(urls.rls);
      await ensureDatabase(urls.rls);
      await (await openDatabase(urls.rls, { migrate: true, poolSize: 2 })).destroy();
      rlsHttp = await timed('rls-http', () =>
        benchRlsHttp(
          root,
          urls.rls,
          { ...rlsHttpParams, warmupMs: args.warmupMs, durationMs: rlsRoundMs(rlsHttpParams.rounds) },
          log,
        ).catch(failed('rls over http')),
      );
    }
  } finally {
    for (const u of Object.values(urls)) await dropDatabase(u).catch((e) => log(`could not drop ${u}: ${e}`));
  }
  const loadAverageAtEnd = loadAverage();
  log(`load average at the end: ${loadAverageAtEnd.join(' ')}`);

  // ---- table ----------------------------------------------------------------------------------
  const header = ['figure', 'ours /s', 'p50 ms', 'p99 ms', 'err', 'baseline', 'base /s', 'p50 ms', 'p99 ms', 'ratio', 'target'];
  const rows: string[][] = [];
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  // A ratio against a baseline that failed means nothing (the HTTP floor once failed every command
  // and the table read "met"): such a row says so instead of a verdict.
  const sound = (base: RunResult, target: string) =>
    base.errors === 0 && base.opsPerSecond > 0 ? target : `baseline failed (${base.errors} errors)`;
  const r4 = (r: RunResult) => [fmt.rate(r.opsPerSecond), fmt.ms(r.p50Ms), fmt.ms(r.p99Ms)];
  /** the main ratios of this run, for the history chart (bench/chart.ts) */
  const ratios: Record<string, number> = {};
  for (const l of append) {
    const big = l.writers >= 8;
    const ours = [...r4(l.ours), String(l.ours.errors)];
    rows.push([
      `append @${l.writers}`,
      ...ours,
      'plain INSERT',
      ...r4(l.plainInsert),
      fmt.ratio(l.vsPlainInsert),
      big ? `≥90% ${met(l.vsPlainInsert >= 0.9)}` : '—',
    ]);
    rows.push([
      `append @${l.writers}`,
      ...ours,
      'emmett-postgresql',
      ...r4(l.emmett),
      fmt.times(l.vsEmmett),
      big ? `≥2.5× ${met(l.vsEmmett >= 2.5)}` : '—',
    ]);
    if (l.writers === 32) {
      rows.push(['append @32 p99', '', '', fmt.ms(l.ours.p99Ms), '', '', '', '', '', '', `≤15 ms ${met(l.ours.p99Ms <= 15)}`]);
      ratios['append @32 / plain INSERT'] = l.vsPlainInsert;
    }
  }
  if (batched) {
    rows.push([
      `batched append ${batched.eventsPerCall}/call @${batched.writers} (ev/s)`,
      ...r4(batched.ours),
      String(batched.ours.errors),
      `multi-row INSERT of ${batched.eventsPerCall}`,
      ...r4(batched.multiRowInsert),
      fmt.ratio(batched.ratio),
      `≥80% ${met(batched.ratio >= 0.8)}`,
    ]);
    ratios['batched append / multi-row INSERT'] = batched.ratio;
  }
  if (encryption) {
    rows.push([
      `append, personal fields encrypted @${encryption.writers}`,
      ...r4(encryption.encrypted),
      String(encryption.encrypted.errors),
      'same events, not encrypted',
      ...r4(encryption.plain),
      fmt.ratio(encryption.ratio),
      `≥85% ${met(encryption.ratio >= 0.85)}`,
    ]);
    ratios['encrypted append / plain append'] = encryption.ratio;
  }
  if (http) {
    const h = http.result;
    rows.push([
      `HTTP aid-deliveries @${http.connections}`,
      ...r4(h),
      String(h.errors),
      'HTTP floor (node:http+INSERT)',
      ...r4(http.floor),
      fmt.ratio(http.vsFloor),
      sound(http.floor, `≥50% ${met(http.vsFloor >= 0.5)}; p99≤50 ${met(h.p99Ms <= 50)}; 0 err ${met(h.errors === 0)}`),
    ]);
    ratios['HTTP command / HTTP floor'] = http.vsFloor;
    const rp = http.requestPath;
    rows.push([
      `  HTTP aid-deliveries @${http.connections}, projections and workers off`,
      ...r4(rp.result),
      String(rp.result.errors),
      'HTTP floor (node:http+INSERT)',
      ...r4(http.floor),
      fmt.ratio(rp.vsFloor),
      sound(http.floor, '(diagnostic: the request path alone)'),
    ]);
    const lg = http.lag;
    rows.push([
      `projection lag @${lg.targetRate} commits/s (ms)`,
      fmt.rate(lg.achievedRate),
      fmt.ms(lg.lag.p50Ms),
      fmt.ms(lg.lag.p99Ms),
      String(lg.commands.errors + lg.unseen),
      'the appends (call → commit)',
      '',
      fmt.ms(lg.commands.p50Ms),
      fmt.ms(lg.commands.p99Ms),
      '',
      `p99≤100 ms ${met(lg.lag.p99Ms <= 100 && lg.achievedRate >= lg.targetRate * 0.95)}`,
    ]);
    const mx = http.mixed;
    rows.push([
      `HTTP mixed ${Math.round(mx.readShare * 100)}% reads/${Math.round((1 - mx.readShare) * 100)}% commands @${http.connections} (${mx.partnerships} partnerships)`,
      ...r4(mx.result),
      String(mx.result.errors),
      'floors, same mix (json_agg page + INSERT)',
      ...r4(mx.floor),
      fmt.ratio(mx.vsFloor),
      sound(mx.floor, `≥50% ${met(mx.vsFloor >= 0.5)}; 0 err ${met(mx.result.errors === 0)}`),
    ]);
    ratios['HTTP mixed / floors'] = mx.vsFloor;
  } else if (notBuilt.http)
    rows.push(['HTTP aid-deliveries @32', 'not built yet', '', '', '', 'HTTP floor', '', '', '', '', '≥50%, p99≤50 ms']);
  if (tracingOff) {
    const t = tracingOff;
    rows.push([
      `HTTP aid-deliveries @${t.connections}, tracing register, no endpoint (median of ${t.pairs} ABBA pairs)`,
      ...r4(t.withRegister),
      String(t.withRegister.errors),
      'same, without the register file',
      ...r4(t.without),
      fmt.ratio(t.ratio),
      `no cost when off: ≥95% ${met(t.ratio >= 0.95)}${t.cpuPerRequestRatio === null ? '' : `; CPU per request ${fmt.ratio(t.cpuPerRequestRatio)} of without`}`,
    ]);
    ratios['HTTP command, tracing off / without register'] = t.ratio;
    if (t.cpuPerRequestRatio !== null) ratios['HTTP command CPU per request, tracing off / without register'] = t.cpuPerRequestRatio;
  }
  for (const rebuild of rebuilds) {
    const r = rebuild.rebuild;
    rows.push([
      `rebuild ${fmt.count(rebuild.events)} ev (status+timeline)`,
      fmt.rate(r.eventsPerSecond),
      '',
      '',
      '0',
      'INSERT … SELECT (timeline shape)',
      fmt.rate(rebuild.baseline.rowsPerSecond),
      '',
      '',
      fmt.ratio(rebuild.ratio),
      // issue 27: half the bulk INSERT, and 40 % at a million events
      rebuild.events >= 1_000_000 ? `≥40% ${met(rebuild.ratio >= 0.4)}` : `≥50% ${met(rebuild.ratio >= 0.5)}`,
    ]);
  }
  if (rebuilds.length) {
    const large = rebuilds[rebuilds.length - 1];
    const m = large.rebuild.rssMiB;
    rows.push([
      `rebuild ${fmt.count(large.events)} RSS MiB 25/50/75/100%`,
      `${fmt.mib(m.at25)}/${fmt.mib(m.at50)}/${fmt.mib(m.at75)}/${fmt.mib(m.at100)}`,
      '',
      '',
      '',
      'peak RSS MiB',
      fmt.mib(m.peak),
      '',
      '',
      '',
      `flat (≤+64 MiB 25→100%) ${met(m.at25 !== null && m.at100 <= m.at25 + 64)}`,
    ]);
    ratios['rebuild / bulk INSERT'] = large.ratio;
    if (rebuilds.length > 1) {
      const small = rebuilds[0];
      // Per-event cost: events/s of the large rebuild against the small one (1.0 = flat).
      const flat = large.rebuild.eventsPerSecond / small.rebuild.eventsPerSecond;
      rows.push([
        `rebuild per-event cost ${fmt.count(large.events)}`,
        fmt.rate(large.rebuild.eventsPerSecond),
        '',
        '',
        '',
        `rebuild ${fmt.count(small.events)}`,
        fmt.rate(small.rebuild.eventsPerSecond),
        '',
        '',
        fmt.ratio(flat),
        `flat (≥80%) ${met(flat >= 0.8)}`,
      ]);
    }
  }
  if (reads) {
    const f = reads.floor.result;
    const floorCells = [`read floor (json_agg, ${reads.floor.entries})`, ...r4(f)];
    const t = reads.timeline.result;
    const tr = t.opsPerSecond / f.opsPerSecond;
    rows.push([
      `timeline page (${reads.timeline.entries} entries) @${reads.readers}`,
      ...r4(t),
      String(t.errors),
      ...floorCells,
      fmt.ratio(tr),
      sound(f, `≥60% ${met(tr >= 0.6)}`),
    ]);
    ratios['timeline page / read floor'] = tr;
    const tf = reads.timelineFull.result;
    rows.push([
      `timeline whole (${reads.timelineFull.entries} entries) @${reads.readers}`,
      ...r4(tf),
      String(tf.errors),
      `read floor (json_agg, ${reads.floorFull.entries})`,
      ...r4(reads.floorFull.result),
      fmt.ratio(tf.opsPerSecond / reads.floorFull.result.opsPerSecond),
      `p99≤100 ms ${met(tf.p99Ms <= 100)}`,
    ]);
    ratios['timeline whole / read floor whole'] = tf.opsPerSecond / reads.floorFull.result.opsPerSecond;
    const nm = reads.notModified.result;
    const nr = nm.opsPerSecond / f.opsPerSecond;
    rows.push([
      `timeline 304 (If-None-Match) @${reads.readers}`,
      ...r4(nm),
      String(nm.errors),
      ...floorCells,
      fmt.ratio(nr),
      `≥80% ${met(nr >= 0.8)}`,
    ]);
    ratios['304 / read floor'] = nr;
    const pp = reads.publicPage.result;
    const pr = pp.opsPerSecond / nm.opsPerSecond;
    rows.push([
      `public page (${Math.round(reads.publicPage.responseBytes / 1024)} KiB, no key) @${reads.readers}`,
      ...r4(pp),
      String(pp.errors),
      'timeline 304',
      ...r4(nm),
      fmt.ratio(pr),
      `≥50% (within 2×) ${met(pr >= 0.5)}`,
    ]);
    ratios['public page / timeline 304'] = pr;
    const small = reads.asOf[0];
    for (const a of reads.asOf) {
      const ratio = a.result.opsPerSecond / small.result.opsPerSecond;
      const last = a === reads.asOf[reads.asOf.length - 1];
      rows.push([
        `as-of status, ${a.streamEvents}-event stream @${reads.readers}`,
        ...r4(a.result),
        String(a.result.errors),
        a === small ? '' : `as-of, ${small.streamEvents}-event stream`,
        ...(a === small ? ['', '', ''] : r4(small.result)),
        a === small ? '' : fmt.ratio(ratio),
        last ? `≥50% (within 2×) ${met(ratio >= 0.5)}; p99≤50 ${met(a.result.p99Ms <= 50)}` : '—',
      ]);
      if (last) ratios[`as-of ${a.streamEvents} / as-of ${small.streamEvents}`] = ratio;
    }
    const st = reads.store;
    if (st.readAndFold && st.readOnly)
      rows.push([
        `  store: readStream+fold 5000 @${reads.readers}`,
        ...r4(st.readAndFold),
        String(st.readAndFold.errors),
        'readStream only',
        ...r4(st.readOnly),
        fmt.ratio(st.readAndFold.opsPerSecond / st.readOnly.opsPerSecond),
        '(secondary: what a refold would cost)',
      ]);
  }
  if (rls) {
    const scale = `${fmt.count(rls.events)} ev, ${rls.organisations} orgs, ${rls.partnerships} partnerships`;
    for (const [name, pair] of [
      [`append under RLS @${rls.writers} (${scale})`, rls.append],
      [`readStream under RLS @${rls.writers}`, rls.readStream],
      [`newest 50 events of an org under RLS @${rls.writers}`, rls.recent],
    ] as const) {
      rows.push([
        name,
        ...r4(pair.request),
        String(pair.request.errors),
        'same, policies bypassed',
        ...r4(pair.system),
        fmt.ratio(pair.ratio),
        `≥90% ${met(pair.ratio >= 0.9)}`,
      ]);
    }
    ratios['append under RLS / bypassed'] = rls.append.ratio;
    ratios['readStream under RLS / bypassed'] = rls.readStream.ratio;
  }
  if (rlsHttp) {
    const mean = (rs: { opsPerSecond: number }[]) => rs.reduce((n, r) => n + r.opsPerSecond, 0) / rs.length;
    const p99 = (rs: { p99Ms: number }[]) => Math.max(...rs.map((r) => r.p99Ms));
    for (const [name, mine, theirs, ratio] of [
      [
        `HTTP timeline page under RLS @${rlsHttp.connections}, ${rlsHttp.rounds} rounds`,
        rlsHttp.rls.read,
        rlsHttp.bypassed.read,
        rlsHttp.readRatio,
      ],
      [
        `HTTP command under RLS @${rlsHttp.connections}, ${rlsHttp.rounds} rounds`,
        rlsHttp.rls.command,
        rlsHttp.bypassed.command,
        rlsHttp.commandRatio,
      ],
    ] as const) {
      rows.push([
        name,
        mean(mine).toFixed(0),
        (mine.reduce((n, r) => n + r.p50Ms, 0) / mine.length).toFixed(1),
        p99(mine).toFixed(1),
        String(mine.reduce((n, r) => n + r.errors, 0)),
        'same app, DATABASE_APP_ROLE empty',
        mean(theirs).toFixed(0),
        (theirs.reduce((n, r) => n + r.p50Ms, 0) / theirs.length).toFixed(1),
        p99(theirs).toFixed(1),
        fmt.ratio(ratio),
        `≥90% ${met(ratio >= 0.9)}`,
      ]);
    }
    ratios['HTTP timeline under RLS / bypassed'] = rlsHttp.readRatio;
    ratios['HTTP command under RLS / bypassed'] = rlsHttp.commandRatio;
  }
  const table = renderTable(header, rows);
  const load = `load average ${machine.loadAverageAtStart.join(' ')} at the start, ${loadAverageAtEnd.join(' ')} at the end`;
  process.stdout.write(
    `\nPartnership Ledger bench (${params.mode}, ${params.durationSeconds}s per phase, ${machine.cpus} cpus, Postgres ${machine.postgres}, Node ${machine.node}; ${load})\n\n${table}\n`,
  );
  if (encryption?.cpu) {
    const total = (c: { client: number; backends: number }) => c.client + c.backends;
    const { plain, encrypted } = encryption.cpu;
    process.stdout.write(
      `\nCPU per appended event (this process + PostgreSQL backends): plain ${plain.client.toFixed(0)} + ${plain.backends.toFixed(0)} µs, encrypted ${encrypted.client.toFixed(0)} + ${encrypted.backends.toFixed(0)} µs: plain / encrypted ${fmt.ratio(total(plain) / total(encrypted))}\n`,
    );
  }
  if (http?.cpu.ours && http.cpu.floor) {
    const c = http.cpu;
    const line = (x: CpuShare) =>
      `app/floor ${x.server.toFixed(0)} + PostgreSQL ${x.postgres.toFixed(0)} + load generator ${x.client.toFixed(0)} = ${(x.server + x.postgres + x.client).toFixed(0)} µs`;
    const bare = http.requestPath.cpu;
    process.stdout.write(
      `\nCPU per HTTP command (2xx): app: ${line(c.ours!)}; app with projections and workers off: ${bare ? line(bare) : 'n/a'}; floor: ${line(c.floor!)}\n`,
    );
  }
  if (reads)
    process.stdout.write(
      `\none 5000-event stream alone: readStream ${fmt.ms(reads.store.readOnlyMs)} ms, fold ${fmt.ms(reads.store.foldOnlyMs)} ms (in this process)\n`,
    );
  for (const rebuild of rebuilds)
    process.stdout.write(
      `rebuild: ${fmt.count(rebuild.events)} events in ${rebuild.rebuild.seconds.toFixed(1)} s (generated in ${rebuild.generateSeconds.toFixed(1)} s); bulk insert ${rebuild.baseline.seconds.toFixed(1)} s; RSS before ${fmt.mib(rebuild.rebuild.rssMiB.before)} MiB\n`,
    );
  process.stdout.write(`phases (s): ${JSON.stringify(phaseSeconds)}\n`);
  for (const [k, v] of Object.entries(notBuilt)) process.stdout.write(`${k}: ${v}\n`);
  if (http && http.result.errors) process.stdout.write(`http status codes: ${JSON.stringify(http.result.statusCodes)}\n`);

  if (args.write) {
    const dir = path.join(root, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    // A second run on one day keeps the first: its name adds the start time (UTC, HHMM).
    const day = started.toISOString().slice(0, 10);
    const suffix = args.quick ? '-quick' : '';
    let file = path.join(dir, `${day}${suffix}.json`);
    if (existsSync(file)) file = path.join(dir, `${day}-${started.toISOString().slice(11, 16).replace(':', '')}${suffix}.json`);
    const result = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      loadAverage: { start: machine.loadAverageAtStart, end: loadAverageAtEnd },
      phaseSeconds,
      machine,
      params,
      ratios,
      figures: { append, batched, encryption, http, tracingOff, rebuilds, reads, rls, rlsHttp, notBuilt },
      table,
    };
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`\nwrote ${path.relative(root, file)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
