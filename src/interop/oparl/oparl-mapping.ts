// OParl 1.1 objects from the consultation milestones of a municipality's partnerships: the draft
// resolution is a Paper, each body that deals with it an Organization, each (body, day) a Meeting
// with one AgendaItem per Consultation. Pure: timeline entries and configuration in, objects out.
//
// Ids are stable: papers, consultations and agenda items take the id of the event that opened them,
// organizations a slug of the body's name, meetings the body's slug and the meeting date. Objects
// that existed once (a retracted entry, a value that a correction replaced) come back as tombstones
// (`deleted: true`), so a client that syncs with modified_since learns that they are gone.
import type pg from 'pg';
import { ADOPTED_OUTCOMES, formatBusinessDate, type BusinessDate } from '../../partnerships/domain/index.js';
import type { TimelineEntry } from '../../partnerships/read-models/timeline/timeline.types.js';
import { firstDay } from '../text.js';
import { oparlUrls, type OParlConfig, type OParlUrls, BODY_LISTS } from './config.js';
import {
  OPARL_SCHEMA,
  typeUri,
  type OParlAgendaItem,
  type OParlBody,
  type OParlConsultation,
  type OParlMeeting,
  type OParlObject,
  type OParlObjects,
  type OParlOrganization,
  type OParlPaper,
  type OParlRow,
  type OParlSystem,
  type OParlType,
} from './types.js';

/** The event types the OParl mapping reads; everything else in a timeline is ignored. */
export const OPARL_EVENT_TYPES = [
  'DraftResolutionPrepared',
  'BoardReviewed',
  'ReferredToCommittee',
  'CommitteeDecided',
  'CouncilDecided',
] as const;
const RELEVANT = new Set<string>(OPARL_EVENT_TYPES);

// Recommended OParl values are German; the results follow what council systems print.
const BOARD_RESULT: Record<string, string> = {
  approved: 'zugestimmt',
  amended: 'mit Änderungen zugestimmt',
  deferred: 'vertagt',
  rejected: 'abgelehnt',
};
const DECISION_RESULT: Record<string, string> = {
  recommended: 'empfohlen',
  adopted: 'beschlossen',
  adopted_with_amendments: 'mit Änderungen beschlossen',
  rejected: 'abgelehnt',
  deferred: 'vertagt',
  referred_back: 'zurückverwiesen',
  withdrawn: 'zurückgezogen',
};
const NO_RESOLUTION = new Set(['deferred', 'referred_back', 'withdrawn']);
const COMMITTEE_DECIDES = new Set<string>([...ADOPTED_OUTCOMES, 'rejected']);

type OrgKind = 'board' | 'committee' | 'council';
const KIND_RANK: Record<OrgKind, number> = { board: 0, committee: 1, council: 2 };
const ORG_CLASS: Record<OrgKind, { organizationType: string; classification: string }> = {
  board: { organizationType: 'Verwaltungsbereich', classification: 'Verwaltungsvorstand' },
  committee: { organizationType: 'Gremium', classification: 'Ausschuss' },
  // OParl: the highest democratic body of a municipality is classified "Parlament"
  council: { organizationType: 'Gremium', classification: 'Parlament' },
};

interface View {
  entry: TimelineEntry;
  data: pg.QueryResultRow;
}
interface OrgDraft {
  key: string;
  name: string;
  kind: OrgKind;
}
interface PaperDraft {
  localId: string;
  view: View;
}
interface ConsultDraft {
  localId: string;
  kind: OrgKind;
  partnershipId: string;
  paperLocalId: string | null;
  paperReference: string | null;
  orgKey: string;
  meetingDate: BusinessDate | null;
  opener: View;
  /** the entry that records what the body did; a referral has none until the committee decides */
  decision: View | null;
}
interface MeetingDraft {
  localId: string;
  orgKey: string;
  date: BusinessDate;
  consultIds: string[];
}
interface Draft {
  papers: Map<string, PaperDraft>;
  orgs: Map<string, OrgDraft>;
  consultations: Map<string, ConsultDraft>;
  meetings: Map<string, MeetingDraft>;
  /** object key (type|localId) → event ids that shaped it */
  contributors: Map<string, Set<string>>;
}

const objKey = (t: OParlType, localId: string) => `${t}|${localId}`;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const isDate = (v: unknown): v is BusinessDate => !!v && typeof (v as BusinessDate).date === 'string' && !!(v as BusinessDate).precision;
// code-point order, not the locale's: ids and sort keys must order the same everywhere
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sameName = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** A readable, stable path segment for a body's name: "Ausschuss für Bürgerdienste" → "ausschuss-fuer-buergerdienste". */
export function organizationKey(name: string): string {
  const folded = sameName(name)
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
  // single dashes only, so "--" can separate the body from the date in a meeting id
  return folded.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}

export const meetingLocalId = (orgKey: string, date: BusinessDate) => `${orgKey}--${date.date}`;

function lastChange(e: TimelineEntry): string {
  return [e.recordedAt, ...e.corrections.map((c) => c.recordedAt), e.retraction?.recordedAt ?? ''].reduce((a, b) => (b > a ? b : a));
}

function sortViews(views: View[]): View[] {
  const day = (v: View) => (isDate(v.data.occurredOn) ? firstDay(v.data.occurredOn) : '9999-12-31');
  return [...views].sort(
    (a, b) => cmp(day(a), day(b)) || cmp(a.entry.recordedAt, b.entry.recordedAt) || cmp(a.entry.eventId, b.entry.eventId),
  );
}

function draftOf(views: View[], config: OParlConfig): Draft {
  const d: Draft = { papers: new Map(), orgs: new Map(), consultations: new Map(), meetings: new Map(), contributors: new Map() };
  const touch = (t: OParlType, localId: string, ...eventIds: string[]) => {
    const k = objKey(t, localId);
    const set = d.contributors.get(k) ?? new Set<string>();
    for (const id of eventIds) set.add(id);
    d.contributors.set(k, set);
  };
  const aliases = new Map(Object.entries(config.organizationAliases ?? {}).map(([k, v]) => [sameName(k), v]));
  const org = (rawName: unknown, kind: OrgKind, v: View): OrgDraft => {
    const raw = str(rawName) ?? config.councilName;
    const name = aliases.get(sameName(raw)) ?? raw;
    const key = organizationKey(name);
    const found = d.orgs.get(key);
    const o = found ?? { key, name, kind };
    if (KIND_RANK[kind] > KIND_RANK[o.kind]) o.kind = kind;
    d.orgs.set(key, o);
    touch('Organization', key, v.entry.eventId);
    return o;
  };
  const sorted = sortViews(views);

  for (const v of sorted) {
    if (v.entry.type !== 'DraftResolutionPrepared') continue;
    d.papers.set(v.entry.eventId, { localId: v.entry.eventId, view: v });
    touch('Paper', v.entry.eventId, v.entry.eventId);
  }
  const paperFor = (v: View): string | null => {
    const mine = [...d.papers.values()].filter((p) => p.view.entry.partnershipId === v.entry.partnershipId);
    const ref = str(v.data.paperReference);
    if (ref) return mine.find((p) => sameName(String(p.view.data.paperReference ?? '')) === sameName(ref))?.localId ?? null;
    // no reference: the partnership's latest paper drafted by then
    const day = isDate(v.data.occurredOn) ? firstDay(v.data.occurredOn) : '9999-12-31';
    const before = mine.filter((p) => !isDate(p.view.data.occurredOn) || firstDay(p.view.data.occurredOn) <= day);
    return (before.length ? before : mine).at(-1)?.localId ?? null;
  };

  for (const v of sorted) {
    const t = v.entry.type;
    if (t === 'DraftResolutionPrepared' || !RELEVANT.has(t)) continue;
    const paperLocalId = paperFor(v);
    const base = { partnershipId: v.entry.partnershipId, paperLocalId, paperReference: str(v.data.paperReference), opener: v };
    const on = isDate(v.data.occurredOn) ? v.data.occurredOn : null;
    let c: ConsultDraft | undefined;
    if (t === 'BoardReviewed') {
      c = { ...base, localId: v.entry.eventId, kind: 'board', orgKey: org(v.data.body, 'board', v).key, meetingDate: on, decision: v };
    } else if (t === 'ReferredToCommittee') {
      const meetingDate = isDate(v.data.meetingDate) ? v.data.meetingDate : null;
      c = {
        ...base,
        localId: v.entry.eventId,
        kind: 'committee',
        orgKey: org(v.data.committee, 'committee', v).key,
        meetingDate,
        decision: null,
      };
    } else if (t === 'CommitteeDecided') {
      const orgKey = org(v.data.committee, 'committee', v).key;
      // the committee deciding on a paper referred to it: one consultation, not two
      const open = [...d.consultations.values()].find(
        (x) =>
          x.opener.entry.type === 'ReferredToCommittee' &&
          !x.decision &&
          x.orgKey === orgKey &&
          x.partnershipId === base.partnershipId &&
          x.paperLocalId === paperLocalId &&
          (!x.meetingDate || (on && x.meetingDate.date === on.date)),
      );
      if (open) {
        open.decision = v;
        open.meetingDate = on ?? open.meetingDate;
        touch('Consultation', open.localId, v.entry.eventId);
        continue;
      }
      c = { ...base, localId: v.entry.eventId, kind: 'committee', orgKey, meetingDate: on, decision: v };
    } else {
      c = { ...base, localId: v.entry.eventId, kind: 'council', orgKey: org(v.data.body, 'council', v).key, meetingDate: on, decision: v };
    }
    d.consultations.set(c.localId, c);
    touch('Consultation', c.localId, v.entry.eventId);
  }

  for (const c of d.consultations.values()) {
    const ids = [...(d.contributors.get(objKey('Consultation', c.localId)) ?? [])];
    if (c.paperLocalId) touch('Paper', c.paperLocalId, ...ids);
    touch('Organization', c.orgKey, ...ids);
    if (!c.meetingDate) continue;
    touch('AgendaItem', c.localId, ...ids);
    const localId = meetingLocalId(c.orgKey, c.meetingDate);
    const m = d.meetings.get(localId) ?? { localId, orgKey: c.orgKey, date: c.meetingDate, consultIds: [] };
    m.consultIds.push(c.localId);
    d.meetings.set(localId, m);
    touch('Meeting', localId, ...ids);
  }
  return d;
}

/** Start of the meeting day in the municipality's zone: the ledger records meeting days, not hours. */
function startOfDay(day: string, timeZone: string): string {
  const offsetAt = (instant: number) => {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(instant)
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
    return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
  };
  const minutes = (off: string) => (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // the offset at local midnight, found from a first guess (DST changes happen at night, not at midnight)
  const guess = offsetAt(utcMidnight);
  const offset = offsetAt(utcMidnight - minutes(guess) * 60_000);
  return `${day}T00:00:00${offset}`;
}

interface Rendered {
  organizations: Map<string, OParlOrganization>;
  meetings: Map<string, OParlMeeting>;
  agendaItems: Map<string, OParlAgendaItem>;
  papers: Map<string, OParlPaper>;
  consultations: Map<string, OParlConsultation>;
  /** for tombstones embedded in their former parent */
  consultationPaper: Map<string, string>;
  agendaItemMeeting: Map<string, string>;
}

function render(d: Draft, config: OParlConfig, urls: OParlUrls): Rendered {
  const lang = config.language ?? 'de';
  const tz = config.timeZone ?? 'Europe/Berlin';
  const r: Rendered = {
    organizations: new Map(),
    meetings: new Map(),
    agendaItems: new Map(),
    papers: new Map(),
    consultations: new Map(),
    consultationPaper: new Map(),
    agendaItemMeeting: new Map(),
  };
  const orgUrl = (key: string) => urls.object('Organization', key);

  for (const o of d.orgs.values()) {
    r.organizations.set(o.key, { id: orgUrl(o.key), type: typeUri('Organization'), body: urls.body, name: o.name, ...ORG_CLASS[o.kind] });
  }

  for (const c of d.consultations.values()) {
    const outcome = c.decision && c.decision.data.planned !== true ? str(c.decision.data.outcome) : null;
    let authoritative = false;
    let role = 'Vorberatung';
    if (c.kind === 'council') {
      role = 'Entscheidung';
      authoritative = !(outcome && NO_RESOLUTION.has(outcome));
    } else if (c.kind === 'committee' && outcome && COMMITTEE_DECIDES.has(outcome)) {
      role = 'Entscheidung';
      authoritative = true;
    }
    const consultation: OParlConsultation = {
      id: urls.object('Consultation', c.localId),
      type: typeUri('Consultation'),
      ...(c.paperLocalId ? { paper: urls.object('Paper', c.paperLocalId) } : {}),
      ...(c.meetingDate
        ? { agendaItem: urls.object('AgendaItem', c.localId), meeting: urls.object('Meeting', meetingLocalId(c.orgKey, c.meetingDate)) }
        : {}),
      organization: [orgUrl(c.orgKey)],
      authoritative,
      role,
    };
    r.consultations.set(c.localId, consultation);
    if (c.paperLocalId) r.consultationPaper.set(c.localId, c.paperLocalId);
  }

  const paperTitle = (c: ConsultDraft): string => {
    const p = c.paperLocalId ? d.papers.get(c.paperLocalId) : undefined;
    const title = str(p?.view.data.title);
    const ref = str(p?.view.data.paperReference) ?? c.paperReference;
    if (title) return title;
    return ref ? `Drucksache ${ref}` : `Städtepartnerschaft ${c.partnershipId}`;
  };

  for (const m of d.meetings.values()) {
    const consults = m.consultIds
      .map((id) => d.consultations.get(id)!)
      .sort((a, b) => cmp(a.paperReference ?? '', b.paperReference ?? '') || cmp(a.localId, b.localId));
    const items: OParlAgendaItem[] = consults.map((c, order) => {
      const decided = c.decision && c.decision.data.planned !== true ? c.decision : null;
      const outcome = str(decided?.data.outcome);
      const result = outcome ? ((c.kind === 'board' ? BOARD_RESULT : DECISION_RESULT)[outcome] ?? outcome) : undefined;
      const resolutionText = str(decided?.data.resolutionText);
      return {
        id: urls.object('AgendaItem', c.localId),
        type: typeUri('AgendaItem'),
        meeting: urls.object('Meeting', m.localId),
        order,
        name: paperTitle(c),
        consultation: urls.object('Consultation', c.localId),
        ...(result ? { result } : {}),
        ...(resolutionText ? { resolutionText } : {}),
      };
    });
    consults.forEach((c, i) => {
      r.agendaItems.set(c.localId, items[i]);
      r.agendaItemMeeting.set(c.localId, m.localId);
    });
    const held = consults.some((c) => c.decision && c.decision.data.planned !== true);
    const org = d.orgs.get(m.orgKey)!;
    r.meetings.set(m.localId, {
      id: urls.object('Meeting', m.localId),
      type: typeUri('Meeting'),
      name: `${org.name}, ${formatBusinessDate(m.date, lang)}`,
      // terminiert = scheduled; durchgeführt = held (OParl's recommended values)
      meetingState: held ? 'durchgeführt' : 'terminiert',
      ...(m.date.precision === 'day' ? { start: startOfDay(m.date.date, tz) } : {}),
      organization: [orgUrl(m.orgKey)],
      agendaItem: items,
    });
  }

  for (const p of d.papers.values()) {
    const data = p.view.data;
    const on = isDate(data.occurredOn) ? data.occurredOn : null;
    const consults = [...d.consultations.values()]
      .filter((c) => c.paperLocalId === p.localId)
      .sort((a, b) => {
        const da = a.meetingDate ?? a.opener.data.occurredOn;
        const db = b.meetingDate ?? b.opener.data.occurredOn;
        return cmp(isDate(da) ? firstDay(da) : '', isDate(db) ? firstDay(db) : '') || cmp(a.localId, b.localId);
      });
    r.papers.set(p.localId, {
      id: urls.object('Paper', p.localId),
      type: typeUri('Paper'),
      body: urls.body,
      ...(str(data.title) ? { name: str(data.title)! } : {}),
      ...(str(data.paperReference) ? { reference: str(data.paperReference)! } : {}),
      // OParl wants a full date; a draft known only to the month or year gets none rather than an invented day
      ...(on?.precision === 'day' ? { date: on.date } : {}),
      paperType: 'Beschlussvorlage',
      consultation: consults.map((c) => r.consultations.get(c.localId)!),
    });
  }
  return r;
}

function stampsOf(
  keys: Iterable<string>,
  contributors: Map<string, Set<string>>[],
  byId: Map<string, TimelineEntry>,
): Map<string, { created: string; modified: string }> {
  const out = new Map<string, { created: string; modified: string }>();
  for (const k of keys) {
    const ids = new Set(contributors.flatMap((c) => [...(c.get(k) ?? [])]));
    const entries = [...ids].map((id) => byId.get(id)!).filter(Boolean);
    if (!entries.length) continue;
    out.set(k, {
      created: entries.map((e) => e.recordedAt).reduce((a, b) => (b < a ? b : a)),
      modified: entries.map(lastChange).reduce((a, b) => (b > a ? b : a)),
    });
  }
  return out;
}

/**
 * Every OParl object for one body, from the timeline entries of all its partnerships (entries of
 * other types are ignored). Retracted entries and values replaced by corrections leave tombstones.
 * `created` is the earliest record time of the entries behind an object, `modified` the latest
 * record, correction or retraction time among them; embedded objects count for their parents.
 */
export function mapToOParl(entries: TimelineEntry[], config: OParlConfig): OParlObjects {
  const urls = oparlUrls(config);
  const relevant = entries.filter((e) => RELEVANT.has(e.type));
  const byId = new Map(relevant.map((e) => [e.eventId, e]));

  const liveViews = relevant.filter((e) => !e.retracted).map((entry) => ({ entry, data: entry.data }));
  const everViews = [
    relevant.map((entry) => ({ entry, data: entry.data })),
    relevant.map((entry) => ({ entry, data: entry.original ?? entry.data })),
  ];
  const live = draftOf(liveViews, config);
  const ever = everViews.map((v) => draftOf(v, config));
  const allContributors = [live.contributors, ...ever.map((d) => d.contributors)];
  const stamps = stampsOf(new Set(allContributors.flatMap((c) => [...c.keys()])), allContributors, byId);

  const shown = render(live, config, urls);
  const past = ever.map((d) => render(d, config, urls));

  const stamped = <T extends OParlObject>(t: OParlType, localId: string, o: T): T => {
    const s = stamps.get(objKey(t, localId));
    return s ? { ...o, created: s.created, modified: s.modified } : o;
  };
  const tombstone = <T extends OParlObject>(t: OParlType, localId: string, was: T): T => {
    const s = stamps.get(objKey(t, localId));
    const keep = t === 'AgendaItem' ? { order: (was as OParlAgendaItem).order } : {}; // order is required even on a tombstone
    return { id: was.id, type: was.type, ...keep, ...(s ? { created: s.created, modified: s.modified } : {}), deleted: true } as T;
  };
  const collect = <T extends OParlObject>(t: OParlType, pick: (r: Rendered) => Map<string, T>): Map<string, T> => {
    const out = new Map<string, T>();
    for (const [id, o] of pick(shown)) out.set(id, stamped(t, id, o));
    for (const r of past) for (const [id, o] of pick(r)) if (!out.has(id)) out.set(id, tombstone(t, id, o));
    return out;
  };

  const consultations = collect('Consultation', (r) => r.consultations);
  const agendaItems = collect('AgendaItem', (r) => r.agendaItems);
  const organizations = collect('Organization', (r) => r.organizations);

  // Parents embed their children as they now stand, gone ones as tombstones after the live ones.
  const goneUnder = (pick: (r: Rendered) => Map<string, string>, parent: string, live: Map<string, unknown>) => {
    const ids = new Set<string>();
    for (const r of past) for (const [child, p] of pick(r)) if (p === parent && !live.has(child)) ids.add(child);
    return [...ids].sort();
  };
  const liveConsultations = shown.consultations;
  const liveAgendaItems = shown.agendaItems;
  const meetings = collect('Meeting', (r) => r.meetings);
  for (const [id, m] of meetings) {
    if (m.deleted) continue;
    m.agendaItem = [
      ...(m.agendaItem ?? []).map((i) => agendaItems.get(decodeURIComponent(i.id.split('/').at(-1)!))!),
      ...goneUnder((r) => r.agendaItemMeeting, id, liveAgendaItems).map((a) => agendaItems.get(a)!),
    ];
  }
  const papers = collect('Paper', (r) => r.papers);
  for (const [id, p] of papers) {
    if (p.deleted) continue;
    p.consultation = [
      ...(p.consultation ?? []).map((c) => consultations.get(decodeURIComponent(c.id.split('/').at(-1)!))!),
      ...goneUnder((r) => r.consultationPaper, id, liveConsultations).map((c) => consultations.get(c)!),
    ];
  }

  const all = relevant.length
    ? {
        created: relevant.map((e) => e.recordedAt).reduce((a, b) => (b < a ? b : a)),
        modified: relevant.map(lastChange).reduce((a, b) => (b > a ? b : a)),
      }
    : {};
  const councilKey = organizationKey(
    Object.entries(config.organizationAliases ?? {}).find(([k]) => sameName(k) === sameName(config.councilName))?.[1] ?? config.councilName,
  );
  const council = organizations.get(councilKey);

  const s = config.system;
  const system: OParlSystem = {
    id: urls.system,
    type: typeUri('System'),
    oparlVersion: OPARL_SCHEMA,
    body: urls.bodies,
    name: s.name,
    ...(s.contactEmail ? { contactEmail: s.contactEmail } : {}),
    ...(s.contactName ? { contactName: s.contactName } : {}),
    ...(s.website ? { website: s.website } : {}),
    ...(s.license ? { license: s.license } : {}),
    ...(s.vendor ? { vendor: s.vendor } : {}),
    ...(s.product ? { product: s.product } : {}),
    ...all,
  };
  const b = config.body;
  const body: OParlBody = {
    id: urls.body,
    type: typeUri('Body'),
    system: urls.system,
    name: b.name,
    ...(b.shortName ? { shortName: b.shortName } : {}),
    ...(b.website ? { website: b.website } : {}),
    ...(b.license ? { license: b.license } : {}),
    ...(b.ags ? { ags: b.ags } : {}),
    ...(b.rgs ? { rgs: b.rgs } : {}),
    ...(b.equivalent?.length ? { equivalent: b.equivalent } : {}),
    ...(b.classification ? { classification: b.classification } : {}),
    ...(b.oparlSince ? { oparlSince: b.oparlSince } : {}),
    ...(Object.fromEntries(BODY_LISTS.map((l) => [l, urls.bodyList(l)])) as Record<(typeof BODY_LISTS)[number], string>),
    legislativeTerm: [],
    ...(council && !council.deleted ? { mainOrganization: council.id } : {}),
    ...all,
  };

  const byId2 = <T extends OParlObject>(m: Map<string, T>) => [...m.values()].sort((a, b) => cmp(a.id, b.id));
  return {
    system,
    body,
    organizations: byId2(organizations),
    meetings: byId2(meetings),
    agendaItems: byId2(agendaItems),
    papers: byId2(papers),
    consultations: byId2(consultations),
  };
}

/** The objects as rows keyed by (type, id), ready for a projection table; sorted by type, then id. */
export function oparlRows(objects: OParlObjects): OParlRow[] {
  const row = (type: OParlType, object: OParlObject): OParlRow => ({
    type,
    id: object.id,
    localId: decodeURIComponent(object.id.split('/').at(-1)!),
    created: object.created ?? null,
    modified: object.modified ?? null,
    deleted: object.deleted === true,
    object,
  });
  return [
    row('System', objects.system),
    row('Body', objects.body),
    ...objects.organizations.map((o) => row('Organization', o)),
    ...objects.meetings.map((o) => row('Meeting', o)),
    ...objects.agendaItems.map((o) => row('AgendaItem', o)),
    ...objects.papers.map((o) => row('Paper', o)),
    ...objects.consultations.map((o) => row('Consultation', o)),
  ];
}
