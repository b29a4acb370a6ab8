// Configuration of the OParl mapping and the URLs it mints. Every id is an absolute URL under
// `${baseUrl}/oparl/v1.1/`, so the ids stay valid when the HTTP routes serve them.
//
// The read model stores objects as a pure function of the events: deployment settings (the public
// base URL, the names of System and Body) are applied when an object is served, so changing them
// needs no rebuild. Stored URLs use a placeholder origin that is replaced on the way out.
import type { TimelineEntry } from '../timeline/timeline.types.js';
import type { OParlType } from './oparl.types.js';

export interface OParlConfig {
  /** Public base URL of this service, e.g. "https://partnerships.example.org" (no query, no fragment). */
  baseUrl: string;
  system: {
    name: string;
    contactEmail?: string;
    contactName?: string;
    website?: string;
    /** licence of the data, a URL (e.g. a Creative Commons licence) */
    license?: string;
    vendor?: string;
    product?: string;
  };
  /** The municipality: one Body. */
  body: {
    /** the Body's stable local id, e.g. "dortmund" */
    key: string;
    /** official long name, e.g. "Stadt Dortmund" */
    name: string;
    shortName?: string;
    website?: string;
    /** the eight-digit Amtlicher Gemeindeschlüssel */
    ags?: string;
    rgs?: string;
    equivalent?: string[];
    classification?: string;
    license?: string;
    /** when OParl was first offered for this body (date-time with offset) */
    oparlSince?: string;
  };
  /**
   * The council as our events name it (CouncilDecided.body; also the fallback when an event names
   * none). Becomes the Body's mainOrganization.
   */
  councilName: string;
  /** Different spellings of one body in the events: spelling → canonical name. Compared case- and space-insensitively. */
  organizationAliases?: Record<string, string>;
  /** IANA time zone of the municipality, for meeting start times. Default Europe/Berlin. */
  timeZone?: string;
  /** Language of generated names (meeting names carry a written date). Default de. */
  language?: 'de' | 'en';
}

/** The external lists a Body links to (OParl 1.1 makes all of them mandatory, even when empty). */
export const BODY_LISTS = [
  'organization',
  'person',
  'meeting',
  'paper',
  'agendaItem',
  'consultation',
  'file',
  'locationList',
  'legislativeTermList',
  'membership',
] as const;
type BodyList = (typeof BODY_LISTS)[number];

export interface OParlUrls {
  root: string;
  system: string;
  /** the list of bodies (System.body) */
  bodies: string;
  body: string;
  bodyList(list: BodyList): string;
  object(type: Exclude<OParlType, 'System' | 'Body'>, localId: string): string;
}

/** Path segment of each type: the type name in lower case, e.g. /agendaitem/… */
const typeSegment = (t: OParlType): string => t.toLowerCase();

export function oparlUrls(config: OParlConfig): OParlUrls {
  const base = checkBaseUrl(config.baseUrl);
  const root = `${base}/oparl/v1.1`;
  const body = `${root}/body/${encodeURIComponent(config.body.key)}`;
  return {
    root,
    system: `${root}/system`,
    bodies: `${root}/body`,
    body,
    bodyList: (list) => `${body}/${list.toLowerCase()}`,
    object: (type, localId) => `${root}/${typeSegment(type)}/${encodeURIComponent(localId)}`,
  };
}

function checkBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`OParl baseUrl "${raw}" is not an absolute URL`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(`OParl baseUrl "${raw}" must be an http(s) URL without query or fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Origin of the URLs inside stored objects (.invalid never resolves: RFC 2606). */
const STORED_BASE = 'http://oparl.invalid';
const STORED_ROOT = `${STORED_BASE}/oparl/v1.1`;
/** The first organisation's Body key (the one it always had); another Body is keyed by its slug. */
export const BODY_KEY = 'municipality';
/** The council's name when no council decision names one. */
const DEFAULT_COUNCIL = 'City Council';

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

/**
 * A stored object of another organisation's Body: the instance's first organisation keeps the ids
 * it always had (`body/municipality`, `paper/<event id>`); another's Body is `body/<slug>` and its
 * objects' local ids start with `<slug>~` (`~` is unreserved in URLs), so the same council meeting
 * day of two municipalities never shares an id. System and the bodies list stay as they are.
 */
export function inBodyOf<T>(value: T, slug: string | null): T {
  if (slug === null) return value;
  if (typeof value === 'string') {
    if (!value.startsWith(`${STORED_ROOT}/`)) return value;
    const path = value.slice(STORED_ROOT.length + 1);
    if (path === 'system' || path === 'body') return value;
    if (path === `body/${BODY_KEY}` || path.startsWith(`body/${BODY_KEY}/`))
      return `${STORED_ROOT}/body/${encodeURIComponent(slug)}${path.slice(`body/${BODY_KEY}`.length)}` as T;
    const slash = path.indexOf('/');
    return `${STORED_ROOT}/${path.slice(0, slash + 1)}${encodeURIComponent(slug)}~${path.slice(slash + 1)}` as T;
  }
  if (Array.isArray(value)) return value.map((v) => inBodyOf(v, slug)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inBodyOf(v, slug)])) as T;
  }
  return value;
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
