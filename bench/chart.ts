// `npm run bench:chart`: the history of the main ratios (ours ÷ baseline of the same run) across
// the committed full runs in bench/results/*.json, as a small hand-written SVG line chart
// (bench/figures/history.svg, shown in the README). Quick runs are left out: their smaller sizes
// make their ratios a different series.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const dir = path.join(root, 'bench', 'results');
const out = path.join(root, 'bench', 'figures', 'history.svg');

interface Result {
  startedAt: string;
  params?: { mode?: string };
  ratios?: Record<string, number>;
  figures?: {
    append?: { writers: number; vsPlainInsert: number }[];
    rebuild?: { ratio: number } | null;
  };
}

/** The ratios of a result; results written before `ratios` existed are read from their figures. */
function ratiosOf(r: Result): Record<string, number> {
  if (r.ratios) return r.ratios;
  const out: Record<string, number> = {};
  const a32 = r.figures?.append?.find((l) => l.writers === 32);
  if (a32) out['append @32 / plain INSERT'] = a32.vsPlainInsert;
  if (r.figures?.rebuild) out['rebuild / bulk INSERT'] = r.figures.rebuild.ratio;
  return out;
}

const runs = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Result)
  .filter((r) => r.params?.mode !== 'quick')
  .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
  .map((r) => ({ label: r.startedAt.slice(0, 16).replace('T', ' '), ratios: ratiosOf(r) }));

const series = [...new Set(runs.flatMap((r) => Object.keys(r.ratios)))];
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2'];
const W = 720;
const H = 360;
const pad = { left: 48, right: 250, top: 20, bottom: 40 };
const plotW = W - pad.left - pad.right;
const plotH = H - pad.top - pad.bottom;
const all = runs.flatMap((r) => Object.values(r.ratios)).filter(Number.isFinite);
const yMax = Math.max(1.2, Math.ceil(Math.max(...all, 1) * 5) / 5);
const round = (n: number) => Math.round(n * 10) / 10;
const x = (i: number) => round(pad.left + (runs.length > 1 ? (i * plotW) / (runs.length - 1) : plotW / 2));
const y = (v: number) => round(pad.top + plotH - (v / yMax) * plotH);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
  `<rect width="${W}" height="${H}" fill="white"/>`,
];
for (let v = 0; v <= yMax + 1e-9; v += 0.2) {
  parts.push(`<line x1="${pad.left}" x2="${pad.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="${v === 1 ? '#888' : '#e5e5e5'}"/>`);
  parts.push(`<text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end">${Math.round(v * 100)}%</text>`);
}
runs.forEach((r, i) => parts.push(`<text x="${x(i)}" y="${H - pad.bottom + 16}" text-anchor="middle">${r.label}</text>`));
series.forEach((name, k) => {
  const color = COLORS[k % COLORS.length];
  const pts = runs.map((r, i) => [i, r.ratios[name]] as const).filter(([, v]) => Number.isFinite(v));
  if (pts.length > 1)
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')}"/>`);
  for (const [i, v] of pts)
    parts.push(`<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${color}"><title>${esc(name)}: ${(v * 100).toFixed(0)}%</title></circle>`);
  const ly = pad.top + 10 + k * 18;
  parts.push(`<rect x="${pad.left + plotW + 16}" y="${ly - 8}" width="10" height="10" fill="${color}"/>`);
  parts.push(`<text x="${pad.left + plotW + 32}" y="${ly + 1}">${esc(name)}</text>`);
});
parts.push(
  `<text x="${pad.left}" y="${H - 6}" fill="#555">ours ÷ baseline of the same run, full runs in bench/results/ (npm run bench:chart)</text>`,
);
parts.push('</svg>');
writeFileSync(out, parts.join('\n') + '\n');
process.stdout.write(`wrote ${path.relative(root, out)} (${runs.length} runs, ${series.length} ratios)\n`);
