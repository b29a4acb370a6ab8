// OParl drafts: which Papers, Organizations, Consultations and Meetings the consultation milestones
// of a municipality's partnerships add up to, and which events shaped each (for created/modified).
// Pure; oparl.render.ts turns a draft into objects, oparl.mapping.ts puts live and past drafts together.
import type pg from 'pg';
import { businessDateStart, type BusinessDate } from '../../domain/index.js';
import type { TimelineEntry } from '../timeline/timeline.types.js';
import type { OParlConfig } from './oparl.config.js';
import type { OParlType } from './oparl.types.js';

/** The event types the OParl mapping reads; everything else in a timeline is ignored. */
export const OPARL_EVENT_TYPES = [
  'DraftResolutionPrepared',
  'BoardReviewed',
  'ReferredToCommittee',
  'CommitteeDecided',
  'CouncilDecided',
] as const;
export const OPARL_EVENTS = new Set<string>(OPARL_EVENT_TYPES);

export type OrgKind = 'board' | 'committee' | 'council';
const KIND_RANK: Record<OrgKind, number> = { board: 0, committee: 1, council: 2 };

export interface View {
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
export interface ConsultDraft {
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
export interface Draft {
  papers: Map<string, PaperDraft>;
  orgs: Map<string, OrgDraft>;
  consultations: Map<string, ConsultDraft>;
  meetings: Map<string, MeetingDraft>;
  /** object key (type|localId) → event ids that shaped it */
  contributors: Map<string, Set<string>>;
}

export const objKey = (t: OParlType, localId: string) => `${t}|${localId}`;
export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
export const isDate = (v: unknown): v is BusinessDate =>
  !!v && typeof (v as BusinessDate).date === 'string' && !!(v as BusinessDate).precision;
// code-point order, not the locale's: ids and sort keys must order the same everywhere
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const sameName = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

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

export function lastChange(e: TimelineEntry): string {
  return [e.recordedAt, ...e.corrections.map((c) => c.recordedAt), e.retraction?.recordedAt ?? ''].reduce((a, b) => (b > a ? b : a));
}

function sortViews(views: View[]): View[] {
  const day = (v: View) => (isDate(v.data.occurredOn) ? businessDateStart(v.data.occurredOn) : '9999-12-31');
  return [...views].sort(
    (a, b) => cmp(day(a), day(b)) || cmp(a.entry.recordedAt, b.entry.recordedAt) || cmp(a.entry.eventId, b.entry.eventId),
  );
}

export function draftOf(views: View[], config: OParlConfig): Draft {
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
    const day = isDate(v.data.occurredOn) ? businessDateStart(v.data.occurredOn) : '9999-12-31';
    const before = mine.filter((p) => !isDate(p.view.data.occurredOn) || businessDateStart(p.view.data.occurredOn) <= day);
    return (before.length ? before : mine).at(-1)?.localId ?? null;
  };

  for (const v of sorted) {
    const t = v.entry.type;
    if (t === 'DraftResolutionPrepared' || !OPARL_EVENTS.has(t)) continue;
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
