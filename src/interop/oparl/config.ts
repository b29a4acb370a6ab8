// Configuration of the OParl export and the URLs it mints. Every id is an absolute URL under
// `${baseUrl}/oparl/v1.1/`, so the ids stay valid when the HTTP routes serve them.
import type { OParlType } from './types.js';

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
export type BodyList = (typeof BODY_LISTS)[number];

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
export const typeSegment = (t: OParlType): string => t.toLowerCase();

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
