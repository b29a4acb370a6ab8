// How OParl objects are kept in the read model: a pure function of the events. Deployment settings
// (the public base URL, the names of System and Body) are applied when an object is served, so
// changing them needs no rebuild. Stored URLs use a placeholder origin that is replaced on the way out.
import { OPARL_EVENT_TYPES, type OParlConfig } from '../../../interop/oparl/index.js';
import type { TimelineEntry } from '../timeline/timeline.types.js';

/** Origin of the URLs inside stored objects (.invalid never resolves: RFC 2606). */
export const STORED_BASE = 'http://oparl.invalid';
export const STORED_ROOT = `${STORED_BASE}/oparl/v1.1`;
/** The one Body: all of the municipality's partnerships share it. */
export const BODY_KEY = 'municipality';
/** The council's name when no council decision names one. */
export const DEFAULT_COUNCIL = 'City Council';

export const OPARL_TYPES = new Set<string>(OPARL_EVENT_TYPES);

/**
 * The mapping settings the projection uses. The council is what the council decisions call it
 * most often (so a decision that names no body lands in the same organization); meeting days
 * start in Europe/Berlin and generated names are German, as OParl's recommended values are.
 */
export function storedConfig(entries: TimelineEntry[]): OParlConfig {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const body = e.type === 'CouncilDecided' && !e.retracted && typeof e.data.body === 'string' ? e.data.body.trim() : '';
    if (body) counts.set(body, (counts.get(body) ?? 0) + 1);
  }
  const council = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0] ?? DEFAULT_COUNCIL;
  return {
    baseUrl: STORED_BASE,
    system: { name: 'Partnership Ledger' },
    body: { key: BODY_KEY, name: 'Municipality' },
    councilName: council,
    timeZone: 'Europe/Berlin',
    language: 'de',
  };
}

/** The key of a stored object: its path under /oparl/v1.1/, e.g. `paper/0193…`. */
export function pathOf(storedUrl: string): string {
  if (!storedUrl.startsWith(`${STORED_ROOT}/`)) throw new Error(`not a stored OParl URL: ${storedUrl}`);
  return storedUrl.slice(STORED_ROOT.length + 1);
}

/** A stored object with every placeholder URL turned into one under `root` (e.g. https://host/oparl/v1.1). */
export function publishUrls<T>(value: T, root: string): T {
  if (typeof value === 'string') {
    return (value === STORED_ROOT || value.startsWith(`${STORED_ROOT}/`) ? root + value.slice(STORED_ROOT.length) : value) as T;
  }
  if (Array.isArray(value)) return value.map((v) => publishUrls(v, root)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, publishUrls(v, root)])) as T;
  }
  return value;
}
