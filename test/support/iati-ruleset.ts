// Checks an IATI XML document against an IATI Ruleset (JSON, as the IATI Validator reads it; see
// test/fixtures/standards/iati-rulesets-2.03/): each context is an XPath selecting the elements its
// rules apply to, each rule case is evaluated with XPath 1.0 (`xpath` over `@xmldom/xmldom`).
// Rules that need the IATI Registry's identifier lists (idSets) are reported as skipped without them.
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath, { type SelectReturnType } from 'xpath';

type Case = Record<string, unknown> & {
  ruleInfo?: { id: string; severity: string; message: string };
  do?: Record<string, { cases: Case[] }>;
};
export type Ruleset = Record<string, Record<string, { cases: Case[] }>>;

export interface RuleOutcome {
  id: string;
  severity: string;
  rule: string;
  /** the context XPath and the position of the element it selected */
  at: string;
  message: string;
}

export interface RulesetResult {
  failures: RuleOutcome[];
  skipped: (RuleOutcome & { why: string })[];
  /** how many rule cases were evaluated on some element */
  evaluated: number;
}

export interface RulesetOptions {
  /** "NOW" in date rules */
  now?: Date;
  /** the Registry's lists: publisher organisation ids (ORG-ID) and agency prefixes (ORG-ID-PREFIX) */
  idSets?: { 'ORG-ID'?: ReadonlySet<string>; 'ORG-ID-PREFIX'?: ReadonlySet<string> };
}

const RULESET_FILE = new URL('../fixtures/standards/iati-rulesets-2.03/standard.json', import.meta.url);
export const standardRuleset = (): Ruleset => JSON.parse(readFileSync(RULESET_FILE, 'utf8')) as Ruleset;

const select = xpath.useNamespaces({ xml: 'http://www.w3.org/XML/1998/namespace' });
type Value = SelectReturnType;

const nodesOf = (v: Value): Node[] => (Array.isArray(v) ? v : []);
/** XPath's boolean(): a node-set is true when not empty. */
const truthy = (v: Value): boolean =>
  Array.isArray(v) ? v.length > 0 : typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : typeof v === 'string' ? v !== '' : !!v;
const textOf = (n: Node): string => (n.nodeType === 2 || n.nodeType === 3 ? (n.nodeValue ?? '') : (n.textContent ?? ''));

class NotCheckable extends Error {}

function evaluateCase(rule: string, c: Case, el: Node, o: Required<Pick<RulesetOptions, 'now'>> & RulesetOptions): boolean {
  const sel = (path: string) => select(path, el);
  const paths = ((c.paths as string[] | undefined) ?? []).flatMap((p) => nodesOf(sel(p)));
  const texts = paths.map(textOf);
  const date = (path: string): Date | null => {
    if (path === 'NOW') return o.now;
    const first = nodesOf(sel(path))[0];
    const d = first ? new Date(textOf(first)) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  };
  const sum = () => Number(texts.reduce((acc, t) => acc + Number(t), 0).toFixed(4));
  switch (rule) {
    case 'no_more_than_one':
      return paths.length <= 1;
    case 'atleast_one':
      return paths.length >= 1;
    case 'only_one_of':
      return (c.excluded as string[]).every((x) => (nodesOf(sel(x)).length ? paths.length === 0 : paths.length === 1));
    case 'one_or_all': {
      if (nodesOf(sel(String(c.one))).length) return true;
      const every = (of: string, needs: string) => nodesOf(sel(of)).every((n) => nodesOf(select(needs, n)).length > 0);
      if (c.all === 'lang') return every('descendant::narrative', '@xml:lang');
      if (c.all === 'sector') return every('transaction', 'sector');
      if (c.all === 'currency') return ['value', 'forecast', 'loan-status'].every((p) => every(`descendant::${p}`, '@currency'));
      throw new NotCheckable(`one_or_all with all="${String(c.all)}" is not defined`);
    }
    case 'unique':
      return new Set(texts).size === texts.length;
    case 'sum':
      return paths.length === 0 || sum() === Number(c.sum);
    case 'strict_sum':
      return sum() === Number(c.sum);
    case 'date_order': {
      const [less, more] = [date(String(c.less)), date(String(c.more))];
      return !less || !more || less.getTime() <= more.getTime();
    }
    case 'date_now': {
      const d = date(String(c.date));
      return !d || d.getTime() <= o.now.getTime();
    }
    case 'time_limit': {
      const [start, end] = [date(String(c.start)), date(String(c.end))];
      return !start || !end || (end.getTime() - start.getTime()) / 86_400_000 <= 365;
    }
    case 'between_dates': {
      const [d, start, end] = [date(String(c.date)), date(String(c.start)), date(String(c.end))];
      return !d || !start || !end || (start <= d && d <= end);
    }
    case 'regex_matches':
    case 'regex_no_matches': {
      const re = new RegExp(String(c.regex));
      return texts.every((t) => t === '' || re.test(t) === (rule === 'regex_matches'));
    }
    case 'startswith': {
      const prefixes = c.prefix as string[];
      if (prefixes.includes('ORG-ID-PREFIX')) {
        const known = o.idSets?.['ORG-ID-PREFIX'];
        if (!known) throw new NotCheckable('needs the ORG-ID-PREFIX list of the IATI Registry');
        return texts.every((t) => known.has(t.split('-').slice(0, 2).join('-')));
      }
      const starts = prefixes.flatMap((p) => nodesOf(sel(p)).map(textOf));
      const sep = typeof c.separator === 'string' ? c.separator : '';
      return texts.every((t) => starts.some((s) => t.startsWith(s + sep)));
    }
    case 'if_then':
      return !truthy(sel(String(c.if))) || truthy(sel(String(c.then)));
    case 'range':
      return texts.every((t) => {
        const n = Number(t);
        return (c.min === undefined || Number(c.min) <= n) && (c.max === undefined || n <= Number(c.max));
      });
    case 'no_spaces':
      return texts.every((t) => t === t.trim());
    default:
      throw new NotCheckable(`rule ${rule} is not implemented`);
  }
}

/** Whether the case applies to this element: its condition and its identifier condition. */
function applies(c: Case, el: Node, o: RulesetOptions): boolean {
  if (typeof c.condition === 'string' && !truthy(select(c.condition, el))) return false;
  if (c.idCondition === undefined) return true;
  const texts = ((c.paths as string[] | undefined) ?? []).flatMap((p) => nodesOf(select(p, el))).map(textOf);
  // Without the Registry's list no identifier is a known one, so the condition holds.
  const known = o.idSets?.['ORG-ID'] ?? new Set<string>();
  if (c.idCondition === 'NOT_EXISTING_ORG_ID') return texts.every((t) => !known.has(t));
  if (c.idCondition === 'NOT_EXISTING_ORG_ID_PREFIX') return texts.every((t) => ![...known].some((id) => t.startsWith(`${id}-`)));
  throw new NotCheckable(`idCondition ${JSON.stringify(c.idCondition)} is not defined`);
}

/** `$1` in the keys `subs` names, replaced by one value `foreach` selected. */
function substituted(c: Case, subs: string[], value: string): Case {
  return Object.fromEntries(
    Object.entries(c).map(([k, v]) => {
      if (!subs.includes(k)) return [k, v];
      const sub = (s: unknown) => (typeof s === 'string' ? s.replaceAll('$1', value) : s);
      return [k, Array.isArray(v) ? v.map(sub) : sub(v)];
    }),
  ) as Case;
}

export function checkIatiRuleset(xml: string, ruleset: Ruleset, options: RulesetOptions = {}): RulesetResult {
  const o = { now: new Date(), ...options };
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
  const result: RulesetResult = { failures: [], skipped: [], evaluated: 0 };
  const run = (rule: string, c: Case, el: Node, at: string) => {
    const outcome = { id: c.ruleInfo?.id ?? '?', severity: c.ruleInfo?.severity ?? '?', rule, at, message: c.ruleInfo?.message ?? '' };
    try {
      if (!applies(c, el, o)) return;
      result.evaluated++;
      if (!evaluateCase(rule, c, el, o)) result.failures.push(outcome);
    } catch (err) {
      if (!(err instanceof NotCheckable)) throw err;
      if (!result.skipped.some((s) => s.id === outcome.id && s.rule === rule)) result.skipped.push({ ...outcome, why: err.message });
    }
  };
  for (const [context, rules] of Object.entries(ruleset)) {
    nodesOf(select(context, doc)).forEach((el, i) => {
      const at = `${context}[${i + 1}]`;
      for (const [rule, { cases }] of Object.entries(rules)) {
        for (const c of cases) {
          if (rule !== 'loop') {
            run(rule, c, el, at);
            continue;
          }
          const values = [...new Set(nodesOf(select(String(c.foreach), el)).map(textOf))];
          for (const value of values)
            for (const [inner, { cases: innerCases }] of Object.entries(c.do ?? {}))
              for (const ic of innerCases) run(inner, substituted(ic, c.subs as string[], value), el, `${at} (${value})`);
        }
      }
    });
  }
  return result;
}
