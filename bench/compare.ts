// `npm run bench:compare [-- <result files>]`: runs side by side — each figure's ratio against its
// baseline and its verdict in every run, and in how many runs the target was met. Without files it
// takes the last three full runs in bench/results/. Reads the table each run wrote, so what it
// compares is exactly what each run printed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const dir = path.join(root, 'bench', 'results');

interface Result {
  startedAt: string;
  finishedAt?: string;
  loadAverage?: { start: number[]; end: number[] };
  params?: { mode?: string };
  table: string;
}

interface Row {
  figure: string;
  baseline: string;
  ours: string;
  p99: string;
  ratio: string;
  target: string;
}

function rowsOf(table: string): Row[] {
  return table
    .split('\n')
    .slice(2)
    .filter((l) => l.startsWith('|'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((c) => ({ figure: c[1], ours: c[2], p99: c[4], baseline: c[6], ratio: c[10], target: c[11] }));
}

/** "≥50% met; p99≤50 MISSED" → "✓✗": one mark per part of the target */
const marks = (target: string) => [...target.matchAll(/\b(met|MISSED)\b/g)].map((m) => (m[1] === 'met' ? '✓' : '✗')).join('');
const goal = (target: string) => target.replaceAll(/ (met|MISSED)/g, '');

function main(): void {
  const files = process.argv.slice(2);
  const paths = files.length
    ? files.map((f) => path.resolve(f))
    : readdirSync(dir)
        .filter((f) => f.endsWith('.json') && !f.includes('quick'))
        .map((f) => path.join(dir, f))
        .map((p) => ({ p, r: JSON.parse(readFileSync(p, 'utf8')) as Result }))
        .filter(({ r }) => r.params?.mode !== 'quick' && typeof r.table === 'string')
        .sort((a, b) => a.r.startedAt.localeCompare(b.r.startedAt))
        .slice(-3)
        .map(({ p }) => p);
  const runs = paths.map((p) => ({ name: path.basename(p, '.json'), r: JSON.parse(readFileSync(p, 'utf8')) as Result }));
  const tables = runs.map(({ r }) => rowsOf(r.table));
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const t of tables)
    for (const row of t) {
      const k = `${row.figure}\u0000${row.baseline}`;
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  const out: string[] = [];
  out.push(
    `| figure | baseline | ${runs.map(({ name }) => name).join(' | ')} | target | met |`,
    `| --- | --- | ${runs.map(() => '---').join(' | ')} | --- | --- |`,
  );
  for (const k of keys) {
    const [figure, baseline] = k.split('\u0000');
    const cells = tables.map((t) => t.find((r) => r.figure === figure && r.baseline === baseline));
    const any = cells.find((c) => c);
    const target = any ? goal(any.target) : '';
    const shown = cells.map((c) => {
      if (!c) return '—';
      // a row without a ratio shows its own figure: the p99 where the target is one, else its rate
      const value = c.ratio || (/p99/.test(c.target) ? `${c.p99} ms` : `${c.ours}/s`);
      return /\b(met|MISSED)\b/.test(c.target) ? `${value} ${marks(c.target)}` : value;
    });
    const judged = cells.filter((c) => c && /\b(met|MISSED)\b/.test(c.target));
    const met = judged.filter((c) => c && !c.target.includes('MISSED')).length;
    out.push(`| ${figure} | ${baseline} | ${shown.join(' | ')} | ${target} | ${judged.length ? `${met} of ${judged.length}` : ''} |`);
  }
  const loads = runs.map(
    ({ name, r }) =>
      `${name}: ${r.startedAt.slice(11, 16)}–${(r.finishedAt ?? '').slice(11, 16)} UTC, load average ${r.loadAverage?.start.join(' ')} → ${r.loadAverage?.end.join(' ')}`,
  );
  process.stdout.write(`${loads.join('\n')}\n\n${out.join('\n')}\n`);
}

main();
