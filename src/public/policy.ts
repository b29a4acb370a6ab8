// The publication policy: which entries of a timeline the public sees, and what of them. Personal data
// never leaves, whatever the policy: fields the description marks personal, free-text notes written
// for staff, and who recorded or corrected what. Pure functions, so the rules are tested without a server.
import { addDecimal, EVENT_FIELDS, isEventType, type Field, type Fields } from '../partnerships/domain/index.js';
import type { PartnershipDetail } from '../partnerships/read-models/status/status.types.js';
import type { Timeline, TimelineEntry } from '../partnerships/read-models/timeline/timeline.types.js';
import type { PublicSettings } from './settings.js';

/** Public: marked so, or of a kind public by default and not marked internal. Retracted entries never. */
export function isPublicEntry(e: TimelineEntry, policy: PublicSettings): boolean {
  if (e.retracted || !isEventType(e.type)) return false;
  const marked = e.data.visibility;
  if (marked === 'public') return true;
  if (marked === 'internal') return false;
  return (policy.defaultPublicKinds as string[]).includes(e.type);
}

/** Fields the public never gets, in any entry: staff notes and the entry's own flag. */
const NEVER_PUBLIC = new Set(['note', 'visibility']);

/** A value with every personal part removed, following its field spec (objects and lists inside too). */
function withoutPersonal(spec: Field, value: unknown): unknown {
  if (spec.kind === 'object' && spec.fields && value && typeof value === 'object' && !Array.isArray(value))
    return withoutPersonalFields(spec.fields, value as Record<string, unknown>);
  if (spec.kind === 'list' && spec.item && Array.isArray(value)) return value.map((v) => withoutPersonal(spec.item!, v));
  return value;
}

function withoutPersonalFields(spec: Fields, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    const f = Object.hasOwn(spec, name) ? spec[name] : undefined;
    // A field the description does not know (an older shape) is not published: unknown means personal.
    if (!f || f.personal || NEVER_PUBLIC.has(name)) continue;
    out[name] = withoutPersonal(f, value);
  }
  return out;
}

/** One entry as the public sees it: current values, no personal fields, no actors, no correction trail. */
export function publicEntry(e: TimelineEntry): TimelineEntry {
  const spec = isEventType(e.type) ? (EVENT_FIELDS[e.type] as Fields) : {};
  return {
    eventId: e.eventId,
    partnershipId: e.partnershipId,
    streamVersion: e.streamVersion,
    type: e.type,
    occurredOn: e.occurredOn,
    planned: e.planned,
    data: withoutPersonalFields(spec, e.data),
    corrections: [],
    corrected: e.corrected,
    retracted: false,
    retraction: null,
    recordedAt: e.recordedAt,
    actor: null,
  };
}

export function publicTimeline(t: Timeline, policy: PublicSettings): Timeline {
  return {
    partnershipId: t.partnershipId,
    version: t.version,
    asOf: null,
    entries: t.entries.filter((e) => isPublicEntry(e, policy)).map(publicEntry),
  };
}

/** A partnership is published when its organisation's pages are on and the entry that started it is public. */
export function isPublished(t: Timeline, policy: PublicSettings): boolean {
  const start = t.entries.find((e) => e.type === 'PartnershipInitiated');
  return policy.enabled && !!start && isPublicEntry(start, policy);
}

/**
 * The status for the public dossier: what the public entries show, nothing that only internal ones
 * hold (participants, papers in the making, aid not published, plans).
 */
export function publicDetail(d: PartnershipDetail, shown: Timeline): PartnershipDetail {
  const ids = new Set(shown.entries.map((e) => e.eventId));
  const ofType = (t: string) => shown.entries.filter((e) => e.type === t);
  const aid: Record<string, string> = {};
  for (const e of ofType('AidDelivered')) {
    const v = e.data.value as { amount?: string; currency?: string } | undefined;
    if (v?.amount && v.currency) aid[v.currency] = addDecimal(aid[v.currency] ?? '0', v.amount);
  }
  const areas = new Set(ofType('CooperationAreaAdded').map((e) => String(e.data.area).toLowerCase()));
  const decisions = d.councilDecisions.filter((c) => ids.has(c.eventId));
  return {
    ...d,
    aidDelivered: aid,
    aidCommitted: {},
    areas: d.areas.filter((a) => areas.has(a.toLowerCase())),
    participants: [],
    participantCount: 0,
    papers: [],
    currentPaper: null,
    pendingUpgrade: decisions.length ? d.pendingUpgrade : null,
    nextScheduled: d.nextScheduled && ids.has(d.nextScheduled.eventId) ? d.nextScheduled : null,
    councilDecisions: decisions,
    agreements: d.agreements.filter((a) => ids.has(a.eventId)),
    scheduledSignings: d.scheduledSignings.filter((s) => ids.has(s.eventId)),
    plans: [],
    asOf: null,
  };
}
