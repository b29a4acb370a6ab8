// OParl objects from one draft (oparl.drafts.ts): Organizations, Consultations, Meetings with their
// AgendaItems, and Papers that embed their Consultations. Pure.
import { ADOPTED_OUTCOMES, businessDateStart, formatBusinessDate } from '../../domain/index.js';
import type { OParlConfig, OParlUrls } from './oparl.config.js';
import { cmp, isDate, meetingLocalId, str, type ConsultDraft, type Draft, type OrgKind } from './oparl.drafts.js';
import {
  typeUri,
  type OParlAgendaItem,
  type OParlConsultation,
  type OParlMeeting,
  type OParlOrganization,
  type OParlPaper,
} from './oparl.types.js';

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

const ORG_CLASS: Record<OrgKind, { organizationType: string; classification: string }> = {
  board: { organizationType: 'Verwaltungsbereich', classification: 'Verwaltungsvorstand' },
  committee: { organizationType: 'Gremium', classification: 'Ausschuss' },
  // OParl: the highest democratic body of a municipality is classified "Parlament"
  council: { organizationType: 'Gremium', classification: 'Parlament' },
};

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

export interface Rendered {
  organizations: Map<string, OParlOrganization>;
  meetings: Map<string, OParlMeeting>;
  agendaItems: Map<string, OParlAgendaItem>;
  papers: Map<string, OParlPaper>;
  consultations: Map<string, OParlConsultation>;
  /** for tombstones embedded in their former parent */
  consultationPaper: Map<string, string>;
  agendaItemMeeting: Map<string, string>;
}

export function render(d: Draft, config: OParlConfig, urls: OParlUrls): Rendered {
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
        return cmp(isDate(da) ? businessDateStart(da) : '', isDate(db) ? businessDateStart(db) : '') || cmp(a.localId, b.localId);
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
