// A small, dependency-free HTML page for printable reports: escaped text, inline print styles
// (the CSP allows inline styles, no scripts), and nothing that needs the network.
import { displayName, formatBusinessDate, type BusinessDate, type LocalizedName } from '../../partnerships/domain/index.js';

export function esc(value: unknown): string {
  return (
    typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value).replace(/^"|"$/g, '')
  ).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const dateText = (d: BusinessDate | null | undefined): string => (d ? formatBusinessDate(d, 'en') : '—');

/** The English (else first held) spelling, with the German and Ukrainian ones that differ after it. */
export function nameText(n: LocalizedName | null | undefined): string {
  const main = displayName(n);
  if (!n || main === null) return '—';
  const others = ['de', 'uk'].map((lang) => n[lang]?.trim()).filter((v) => v && v !== main);
  return others.length ? `${main} (${others.join(' / ')})` : main;
}

export const humanize = (s: string | null | undefined): string =>
  s
    ? s
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' ')
        .replace(/^./, (c) => c.toUpperCase())
    : '—';

const STYLE = `
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 1.8rem; border-bottom: 1px solid #ccc; }
  .meta { color: #555; font-size: .9rem; } table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e3e3e3; }
  th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .planned { color: #7a5b00; } .retracted { text-decoration: line-through; color: #888; } .note { color: #444; font-size: .9rem; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

export function page(title: string, generatedAt: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(title)}</h1><p class="meta">Generated ${esc(generatedAt)} by Partnership Ledger</p>
${body}
</body></html>
`;
}

export function table(headers: string[], rows: string[][], numeric: number[] = []): string {
  if (rows.length === 0) return '<p class="note">None.</p>';
  const th = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const trs = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}
