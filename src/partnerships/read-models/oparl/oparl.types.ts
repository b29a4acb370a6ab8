// The OParl 1.1 objects this service publishes, as far as it fills them. Field names are the
// standard's; see docs/interop.md for where each value comes from.

export const OPARL_SCHEMA = 'https://schema.oparl.org/1.1/';
export type OParlType = 'System' | 'Body' | 'Organization' | 'Meeting' | 'AgendaItem' | 'Paper' | 'Consultation';
export const typeUri = (t: OParlType): string => `${OPARL_SCHEMA}${t}`;

interface Common {
  id: string;
  type: string;
  created?: string;
  modified?: string;
  license?: string;
  keyword?: string[];
  web?: string;
  deleted?: boolean;
}

export interface OParlSystem extends Common {
  oparlVersion: string;
  body: string;
  name?: string;
  contactEmail?: string;
  contactName?: string;
  website?: string;
  vendor?: string;
  product?: string;
}

export interface OParlBody extends Common {
  system: string;
  name: string;
  shortName?: string;
  website?: string;
  ags?: string;
  rgs?: string;
  equivalent?: string[];
  classification?: string;
  oparlSince?: string;
  licenseValidSince?: string;
  organization: string;
  person: string;
  meeting: string;
  paper: string;
  legislativeTerm: never[];
  agendaItem: string;
  consultation: string;
  file: string;
  locationList: string;
  legislativeTermList: string;
  membership: string;
  mainOrganization?: string;
}

export interface OParlOrganization extends Common {
  body?: string;
  name?: string;
  organizationType?: string;
  classification?: string;
}

export interface OParlAgendaItem extends Common {
  meeting?: string;
  order: number;
  name?: string;
  consultation?: string;
  result?: string;
  resolutionText?: string;
}

export interface OParlMeeting extends Common {
  name?: string;
  meetingState?: string;
  start?: string;
  organization?: string[];
  agendaItem?: OParlAgendaItem[];
}

export interface OParlConsultation extends Common {
  paper?: string;
  agendaItem?: string;
  meeting?: string;
  organization?: string[];
  authoritative?: boolean;
  role?: string;
}

export interface OParlPaper extends Common {
  body?: string;
  name?: string;
  reference?: string;
  date?: string;
  paperType?: string;
  consultation?: OParlConsultation[];
}

export type OParlObject = OParlSystem | OParlBody | OParlOrganization | OParlMeeting | OParlAgendaItem | OParlPaper | OParlConsultation;

/** What the mapping produces for one body: every object once, deleted ones as tombstones. */
export interface OParlObjects {
  system: OParlSystem;
  body: OParlBody;
  organizations: OParlOrganization[];
  meetings: OParlMeeting[];
  agendaItems: OParlAgendaItem[];
  papers: OParlPaper[];
  consultations: OParlConsultation[];
}

/** One row per object, as a projection would store it (key: type + id). */
export interface OParlRow {
  type: OParlType;
  /** the object's URL, which is its OParl id */
  id: string;
  /** the last path segment of the id: stable, derived from event ids and names */
  localId: string;
  created: string | null;
  modified: string | null;
  deleted: boolean;
  object: OParlObject;
}
