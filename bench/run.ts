// The benchmark suite (issue 6). `npm run bench` for the full run, `npm run bench -- --quick` for a
// run under two minutes. Every figure is measured beside its baseline in the same run; the ratio is
// what to compare across machines, not the absolute numbers. Timing assertions never go in tests.
//
// Options: --quick, --duration=<s> (per measured phase), --warmup=<s>, --writers=1,8,32,
//          --only=append,http,rebuild,reads, --no-write (do not write bench/results/*.json), --help
// Figures run in that order; the rebuild runs before the reads so its RSS is not inflated by
// garbage the in-process store-level reads leave behind.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, ensureDatabase, openDatabase } from '../src/config/database.js';
import { benchAppend, createPlainTable, type AppendLevel } from './figures/append.js';
import { benchReads, type ReadsFigure } from './figures/reads.js';
import { benchHttp, type HttpFigure } from './figures/http.js';
import { benchRebuild, type RebuildFigure } from './figures/rebuild.js';
import { machineInfo } from './lib/machine.js';
import { fmt, renderTable } from './lib/table.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled to dist/bench/run.js; the sources (and results/) live in <root>/bench.
const root = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

const USAGE = `Usage: npm run bench [-- options]
  --quick              a run under two minutes (5 s phases, smaller data)
  --duration=<s>       seconds per measured phase (20, quick 5)
  --warmup=<s>         seconds of warm-up per phase (3, quick 1)
  --writers=1,8,32     concurrent writers for the append figure
  --only=append,http,rebuild,reads
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
    only: new Set((flags.get('only') ?? 'append,http,rebuild,reads').split(',')),
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
  };
  for (const u of Object.values(urls)) {
    await dropDatabase(u);
    await ensureDatabase(u);
  }
  const machine = await machineInfo(urls.ours);
  log(
    `machine: ${machine.cpus} cpus, ${machine.memoryGiB} GiB, Postgres ${machine.postgres}, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
  );
  for (const u of [urls.ours, urls.app, urls.rebuild]) {
    const ds = await openDatabase(u, { migrate: true, poolSize: 2 });
    await ds.destroy();
  }
  await createPlainTable(urls.ours);
  const rebuildSize = { partnerships: args.quick ? 100 : 1000, eventsPerPartnership: 1000 };

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
    http: {
      connections: 32,
      partnerships: 1000,
      endpoint: 'POST /api/v1/partnerships/{id}/aid-deliveries',
      tool: 'autocannon',
      app: 'child process, DB_POOL_SIZE=32',
    },
    rebuild: {
      events: rebuildSize.partnerships * rebuildSize.eventsPerPartnership,
      ...rebuildSize,
      engine: 'in-process ProjectionEngine.rebuild (batches of 2000)',
      rssSampleMs: 100,
    },
    reads: {
      readers: 32,
      timelineEntries: 500,
      foldStreamEvents: 5000,
      validAt: '2026-12-31',
      tool: 'closed loop of fetch() clients',
      app: 'child process, DB_POOL_SIZE=32, council key',
      storeLevelConcurrent: !args.quick,
    },
  };

  let append: AppendLevel[] = [];
  let reads: ReadsFigure | null = null;
  let rebuild: RebuildFigure | null = null;
  let http: HttpFigure | null = null;
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
    if (args.only.has('append'))
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
    if (args.only.has('http')) {
      if (!built('dist/src/partnerships/api/partnership-commands.controller.js') || !built('dist/src/auth/api-keys.js'))
        notBuilt.http = 'POST /api/v1/partnerships/{id}/aid-deliveries does not exist yet (src/partnerships/api)';
      else
        http = await timed('http', () =>
          benchHttp(root, urls.app, { connections: 32, partnerships: 1000, warmupMs: args.warmupMs, durationMs: args.durationMs }, log),
        ).catch((err) => {
          notBuilt.http = `the app could not be benchmarked: ${err instanceof Error ? err.message : err}`;
          log(notBuilt.http);
          return null;
        });
    }
    if (args.only.has('rebuild')) rebuild = await timed('rebuild', () => benchRebuild(urls.rebuild, rebuildSize, log));
    if (args.only.has('reads'))
      reads = await timed('reads', () =>
        benchReads(
          root,
          urls.app,
          {
            readers: 32,
            timelineEntries: 500,
            foldStreamEvents: 5000,
            warmupMs: args.warmupMs,
            durationMs: args.durationMs,
            storeConcurrent: !args.quick,
          },
          log,
        ),
      );
  } finally {
    for (const u of Object.values(urls)) await dropDatabase(u).catch((e) => log(`could not drop ${u}: ${e}`));
  }
  const loadAverageAtEnd = loadAverage();
  log(`load average at the end: ${loadAverageAtEnd.join(' ')}`);

  // ---- table ----------------------------------------------------------------------------------
  const header = ['figure', 'ours /s', 'p50 ms', 'p99 ms', 'err', 'baseline', 'base /s', 'p50 ms', 'p99 ms', 'ratio', 'target'];
  const rows: string[][] = [];
  for (const l of append) {
    const big = l.writers >= 8;
    const ours = [fmt.rate(l.ours.opsPerSecond), fmt.ms(l.ours.p50Ms), fmt.ms(l.ours.p99Ms), String(l.ours.errors)];
    rows.push([
      `append @${l.writers}`,
      ...ours,
      'plain INSERT',
      fmt.rate(l.plainInsert.opsPerSecond),
      fmt.ms(l.plainInsert.p50Ms),
      fmt.ms(l.plainInsert.p99Ms),
      fmt.ratio(l.vsPlainInsert),
      big ? `≥75% ${l.vsPlainInsert >= 0.75 ? 'met' : 'MISSED'}` : '—',
    ]);
    rows.push([
      `append @${l.writers}`,
      ...ours,
      'emmett-postgresql',
      fmt.rate(l.emmett.opsPerSecond),
      fmt.ms(l.emmett.p50Ms),
      fmt.ms(l.emmett.p99Ms),
      fmt.times(l.vsEmmett),
      big ? `≥2× ${l.vsEmmett >= 2 ? 'met' : 'MISSED'}` : '—',
    ]);
    if (l.writers === 32)
      rows.push([
        `append @32 p99`,
        '',
        '',
        fmt.ms(l.ours.p99Ms),
        '',
        '',
        '',
        '',
        '',
        '',
        `≤15 ms ${l.ours.p99Ms <= 15 ? 'met' : 'MISSED'}`,
      ]);
  }
  const store32 = append.find((l) => l.writers === 32)?.ours;
  if (http) {
    const h = http.result;
    const ratio = store32 ? h.opsPerSecond / store32.opsPerSecond : NaN;
    rows.push([
      `HTTP aid-deliveries @${http.connections}`,
      fmt.rate(h.opsPerSecond),
      fmt.ms(h.p50Ms),
      fmt.ms(h.p99Ms),
      String(h.errors),
      'store append @32',
      store32 ? fmt.rate(store32.opsPerSecond) : '—',
      store32 ? fmt.ms(store32.p50Ms) : '—',
      store32 ? fmt.ms(store32.p99Ms) : '—',
      fmt.ratio(ratio),
      `≥50% ${ratio >= 0.5 ? 'met' : 'MISSED'}; p99≤50 ${h.p99Ms <= 50 ? 'met' : 'MISSED'}; 0 err ${h.errors === 0 ? 'met' : 'MISSED'}`,
    ]);
  } else if (notBuilt.http)
    rows.push(['HTTP aid-deliveries @32', 'not built yet', '', '', '', 'store append @32', '', '', '', '', '≥50%, p99≤50 ms']);
  if (rebuild) {
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
      `≥40% ${rebuild.ratio >= 0.4 ? 'met' : 'MISSED'}`,
    ]);
    const m = r.rssMiB;
    rows.push([
      `rebuild RSS MiB 25/50/75/100%`,
      `${fmt.mib(m.at25)}/${fmt.mib(m.at50)}/${fmt.mib(m.at75)}/${fmt.mib(m.at100)}`,
      '',
      '',
      '',
      'peak RSS MiB',
      fmt.mib(m.peak),
      '',
      '',
      '',
      `flat (≤+64 MiB 25→100%) ${m.at25 !== null && m.at100 <= m.at25 + 64 ? 'met' : 'MISSED'}`,
    ]);
  }
  if (reads) {
    const t = reads.timeline.result;
    rows.push([
      `timeline ${reads.timeline.entries} entries @${reads.readers}`,
      fmt.rate(t.opsPerSecond),
      fmt.ms(t.p50Ms),
      fmt.ms(t.p99Ms),
      String(t.errors),
      'one request alone',
      '',
      fmt.ms(reads.timeline.oneRequestMs),
      '',
      '',
      `p99≤30 ms ${t.p99Ms <= 30 ? 'met' : 'MISSED'}`,
    ]);
    const v = reads.validAt.result;
    const st = reads.store;
    rows.push([
      `validAt fold ${reads.validAt.streamEvents} ev @${reads.readers}`,
      fmt.rate(v.opsPerSecond),
      fmt.ms(v.p50Ms),
      fmt.ms(v.p99Ms),
      String(v.errors),
      'one request alone',
      '',
      fmt.ms(reads.validAt.oneRequestMs),
      '',
      '',
      `p99≤50 ms ${v.p99Ms <= 50 ? 'met' : 'MISSED'}`,
    ]);
    if (st.readAndFold && st.readOnly)
      rows.push([
        `  store: readStream+fold @${reads.readers}`,
        fmt.rate(st.readAndFold.opsPerSecond),
        fmt.ms(st.readAndFold.p50Ms),
        fmt.ms(st.readAndFold.p99Ms),
        String(st.readAndFold.errors),
        'readStream only',
        fmt.rate(st.readOnly.opsPerSecond),
        fmt.ms(st.readOnly.p50Ms),
        fmt.ms(st.readOnly.p99Ms),
        fmt.ratio(st.readAndFold.opsPerSecond / st.readOnly.opsPerSecond),
        '(secondary)',
      ]);
  }
  const table = renderTable(header, rows);
  const load = `load average ${machine.loadAverageAtStart.join(' ')} at the start, ${loadAverageAtEnd.join(' ')} at the end`;
  process.stdout.write(
    `\nPartnership Ledger bench (${params.mode}, ${params.durationSeconds}s per phase, ${machine.cpus} cpus, Postgres ${machine.postgres}, Node ${machine.node}; ${load})\n\n${table}\n`,
  );
  if (reads)
    process.stdout.write(
      `\none ${reads.validAt.streamEvents}-event stream alone: readStream ${fmt.ms(reads.store.readOnlyMs)} ms, fold ${fmt.ms(reads.store.foldOnlyMs)} ms (in this process)\n`,
    );
  if (rebuild)
    process.stdout.write(
      `rebuild: ${fmt.count(rebuild.events)} events in ${rebuild.rebuild.seconds.toFixed(1)} s (generated in ${rebuild.generateSeconds.toFixed(1)} s); bulk insert ${rebuild.baseline.seconds.toFixed(1)} s; RSS before ${fmt.mib(rebuild.rebuild.rssMiB.before)} MiB\n`,
    );
  process.stdout.write(`phases (s): ${JSON.stringify(phaseSeconds)}\n`);
  for (const [k, v] of Object.entries(notBuilt)) process.stdout.write(`${k}: ${v}\n`);
  if (http && http.result.errors) process.stdout.write(`http status codes: ${JSON.stringify(http.result.statusCodes)}\n`);

  if (args.write) {
    const dir = path.join(root, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${started.toISOString().slice(0, 10)}${args.quick ? '-quick' : ''}.json`);
    const result = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      loadAverage: { start: machine.loadAverageAtStart, end: loadAverageAtEnd },
      phaseSeconds,
      machine,
      params,
      figures: { append, http, rebuild, reads, notBuilt },
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
