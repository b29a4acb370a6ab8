// OParl 1.1 objects from the consultation milestones of a municipality's partnerships: the draft
// resolution is a Paper, each body that deals with it an Organization, each (body, day) a Meeting
// with one AgendaItem per Consultation. Pure: timeline entries and configuration in, objects out.
//
// Ids are stable: papers, consultations and agenda items take the id of the event that opened them,
// organizations a slug of the body's name, meetings the body's slug and the meeting date. Objects
// that existed once (a retracted entry, a value that a correction replaced) come back as tombstones
// (`deleted: true`), so a client that syncs with modified_since learns that they are gone.
import type { TimelineEntry } from '../timeline/timeline.types.js';
import { BODY_LISTS, oparlUrls, type OParlConfig } from './oparl.config.js';
import { cmp, draftOf, lastChange, objKey, organizationKey, OPARL_EVENTS, sameName } from './oparl.drafts.js';
import { render, type Rendered } from './oparl.render.js';
import {
  OPARL_SCHEMA,
  typeUri,
  type OParlAgendaItem,
  type OParlBody,
  type OParlObject,
  type OParlObjects,
  type OParlRow,
  type OParlSystem,
  type OParlType,
} from './oparl.types.js';

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
  const relevant = entries.filter((e) => OPARL_EVENTS.has(e.type));
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
