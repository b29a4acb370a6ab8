// The rules every entry must meet against the state on its own business date, and the checks that
// need the partnership's history or the clock. The decider (decide.ts, corrections.ts) applies them.
import { dayOf, formatBusinessDate, isAfterDay, isValidBusinessDate } from './dates.js';
import { TransitionNotAllowedError, ValidationError, type ConflictingEntry, type FieldError, type StateSummary } from './errors.js';
import { applyEntry, type FoldScratch } from './apply-entry.js';
import { foldDate, isPlan } from './business-order.js';
import { deriveAt, recordAll, splitAt } from './evolve.js';
import { PLANNABLE, validateEventData, type EventData, type EventType, type PartnershipEvent, type RecordedEvent } from './events.js';
import type { EntryRecord, History } from './history.js';
import { displayName } from './names.js';
import { OBLIGATION_ENTRY_TYPES, obligationIds, obligationProblem } from './obligations.js';
import { nameKey, participantKey, type DerivedState } from './state.js';
import type { BusinessDate, LocalizedName } from './vocabulary.js';

export interface DecideContext {
  /** ISO timestamp from the caller's clock; its calendar day (as written, with its offset) is "today" */
  now: string;
}

/** Entries that look ahead (or, for notes, are no milestone) and may carry a date after today. */
const MAY_LIE_AHEAD = new Set<EventType>(['AgreementSigningScheduled', 'AidCommitted', 'NoteAdded']);
const CONSULTATIONS = new Set<EventType>(['BoardReviewed', 'ReferredToCommittee', 'CommitteeDecided', 'CouncilDecided']);
/**
 * What a suspended partnership accepts (corrections and retractions are no entries of their own). A
 * receipt confirmation is accepted too: aid sent before a suspension may arrive during it. A funder's
 * deadlines do not pause with a suspension, so obligation entries can still be recorded.
 */
const ALLOWED_WHILE_SUSPENDED = new Set<EventType>([
  'PartnershipResumed',
  'PartnershipTerminated',
  'NoteAdded',
  'DocumentAttached',
  'AidReceiptConfirmed',
  'ObligationFulfilled',
  'ObligationExtended',
  'ObligationWaived',
]);
/** The id the command's own, not yet stored, event has while its consequences are checked. */
export const THIS_COMMAND = '(this command)';

function summarize(state: DerivedState): StateSummary {
  return {
    tier: state.exists ? state.tier : null,
    standing: state.exists ? state.standing : null,
    ...(state.pendingUpgrade ? { pendingUpgrade: state.pendingUpgrade.tier } : {}),
  };
}

const counterpartName = (name: LocalizedName | undefined): string => displayName(name) ?? 'the counterpart';

export const dateText = (d: BusinessDate | undefined) => (d ? formatBusinessDate(d, 'en') : 'an unknown date');

interface Violation {
  message: string;
  needed: string;
}

/**
 * The rules every entry must meet against the state on its own business date (`s` holds every
 * entry before it in business-date order). Used for a new command, and for each entry after a
 * back-dated change, a correction or a retraction, so late history can never contradict itself.
 */
export function violation(s: DerivedState, type: EventType, data: Readonly<Record<string, unknown>>, id: string): Violation | null {
  if (type === 'PartnershipInitiated') return null;
  const on = data.occurredOn as BusinessDate | undefined;
  const when = isPlan({ type, data }) ? `(a plan made on ${dateText(data.madeOn as BusinessDate | undefined)})` : `on ${dateText(on)}`;
  if (!s.exists) {
    return {
      message: `Partnership ${id} had not been initiated yet ${when}; date the entry on or after the initiation, or correct the initiation's date.`,
      needed: 'a date on or after the initiation',
    };
  }
  if (s.terminated) {
    return {
      message:
        `Partnership ${id} is terminated (since ${dateText(s.standingSince?.on)}), so only corrections and retractions can be recorded. ` +
        `A restart is a new partnership that names "${id}" as its predecessorId.`,
      needed: `a new partnership initiated with predecessorId "${id}"`,
    };
  }
  if (s.standing === 'suspended') {
    if (type === 'PartnershipSuspended') {
      return {
        message: `Partnership ${id} is already suspended ${when} (since ${dateText(s.standingSince?.on)}).`,
        needed: 'an active partnership',
      };
    }
    if (!ALLOWED_WHILE_SUSPENDED.has(type)) {
      return {
        message:
          `Partnership ${id} is suspended; it must be resumed before ${type} can be recorded ${when} (suspended since ${dateText(s.standingSince?.on)}). ` +
          'While suspended it accepts only resumption, termination, corrections, retractions, notes and documents.',
        needed: 'ResumePartnership first',
      };
    }
  }
  switch (type) {
    case 'PartnershipResumed':
      return s.standing === 'suspended'
        ? null
        : {
            message: `Partnership ${id} is ${s.standing}, not suspended, ${when}: no suspension is in force on that date, so only a suspended partnership can be resumed.`,
            needed: 'a suspended partnership',
          };
    case 'CounterpartDesignated':
      return s.counterpart
        ? {
            message:
              `Partnership ${id} already has a counterpart, ${counterpartName(s.counterpart.name)}, ${when}. ` +
              'Record a rename when its name changes; a different counterpart is a new partnership.',
            needed: 'a partnership without a counterpart',
          }
        : null;
    case 'CounterpartRenamed':
      return s.counterpart
        ? null
        : {
            message: `Partnership ${id} has no counterpart yet ${when}; designate one before renaming it.`,
            needed: 'DesignateCounterpart first',
          };
    case 'DraftResolutionPrepared': {
      const existing = s.papers[String(data.paperReference)];
      return existing
        ? {
            message:
              `Paper ${existing.reference} was already drafted (${dateText(existing.draftedOn)}); a paper is drafted once. ` +
              'Record its consultations, or correct the draft entry.',
            needed: 'a paper reference not yet drafted',
          }
        : null;
    }
    case 'AgreementSigned': {
      const kind = String(data.agreementKind);
      const adopted = s.councilDecisions.some((d) => d.outcome === 'adopted' || d.outcome === 'adopted_with_amendments');
      return kind === 'letter_of_intent' || data.urgentDecisionReference || adopted
        ? null
        : {
            message:
              `Signing a ${kind.replace(/_/g, ' ')} agreement on ${dateText(on)} needs an adopted council decision ` +
              'or an urgent-decision reference; no adopted council decision on or before that date is recorded.',
            needed: 'an adopted council decision (RecordCouncilDecision with outcome adopted) or urgentDecisionReference',
          };
    }
    case 'CooperationAreaRemoved': {
      const key = nameKey(String(data.area));
      return s.areas.some((a) => nameKey(a) === key)
        ? null
        : {
            message:
              `"${String(data.area)}" is not a cooperation area of partnership ${id} ${when}` +
              (s.areas.length ? ` (areas then: ${s.areas.join(', ')}).` : '; it had none.'),
            needed: 'an area that is currently part of the partnership',
          };
    }
    case 'ParticipantLeft': {
      const key = participantKey({ organisation: String(data.organisation), side: data.side as 'own' | 'counterpart' });
      return s.participants.some((p) => participantKey(p) === key)
        ? null
        : {
            message: `${String(data.organisation)} (${String(data.side)} side) is not taking part in partnership ${id} ${when}, so it cannot leave.`,
            needed: 'a participant that has joined',
          };
    }
    case 'AidReceiptConfirmed':
      return receiptViolation(s, data, when);
    case 'ObligationFulfilled':
    case 'ObligationExtended':
    case 'ObligationWaived':
      return obligationProblem(s, data, when);
    default:
      // A consultation's paper is checked when the consultation is recorded or corrected, not when the
      // paper's entry changes: renaming a paper and its consultations must be possible one after the other.
      return null;
  }
}

/**
 * A receipt is confirmed on or after its delivery, once in full. Which side may confirm is a rule of
 * the organisations (the partner's side); it belongs here when the command carries its side.
 */
function receiptViolation(s: DerivedState, data: Readonly<Record<string, unknown>>, when: string): Violation | null {
  const deliveryId = String(data.deliveryId);
  const delivery = s.deliveries[deliveryId];
  if (!delivery) {
    return {
      message:
        `A receipt cannot be confirmed before its delivery: delivery ${deliveryId} is not recorded ${when} ` +
        '(it is dated later, or it was retracted). Date the confirmation on or after the delivery, or correct the delivery’s date.',
      needed: 'a received date on or after the delivery’s date',
    };
  }
  const full = delivery.confirmations.find((c) => c.received === 'all');
  if (full) {
    return {
      message:
        `Delivery ${deliveryId} was already confirmed as received in full on ${dateText(full.receivedOn)} (entry ${full.eventId}); ` +
        'correct or retract that confirmation instead of confirming it again.',
      needed: 'a delivery not yet confirmed in full',
    };
  }
  return null;
}

/** Entries (by id) that break a rule against the state on their date, from `from` (YYYY-MM-DD) on. */
function violationsFrom(history: History, from: string, id: string): Map<string, { entry: EntryRecord; violation: Violation }> {
  const found = new Map<string, { entry: EntryRecord; violation: Violation }>();
  const split = splitAt(history, from);
  let s = split.before;
  const scratch: FoldScratch = {};
  for (const entry of split.from) {
    if (!entry.retracted) {
      const v = violation(s, entry.type, entry.data, id);
      if (v) found.set(entry.eventId, { entry, violation: v });
    }
    s = applyEntry(s, entry, history.entries, scratch);
  }
  return found;
}

/**
 * What a change (a new entry, a correction, a retraction) would newly make impossible from `from` on.
 * Entries that broke a rule already (history recorded before these rules) are not blamed on it.
 */
export function newConflicts(before: History, after: History, from: string, id: string): ConflictingEntry[] {
  const was = violationsFrom(before, from, id);
  return [...violationsFrom(after, from, id)]
    .filter(([eventId]) => !was.has(eventId))
    .map(([, { entry, violation: v }]) => ({
      eventId: entry.eventId,
      type: entry.type,
      occurredOn: (entry.data.occurredOn as BusinessDate | undefined) ?? null,
      reason: v.message,
      needed: v.needed,
    }));
}

/** The history with events added as if recorded now (the command's own ones get a placeholder id). */
export function withRecorded(history: History, events: PartnershipEvent[], ctx: DecideContext, ids: string[]): History {
  return recordAll(
    history,
    events.map((e, i) => ({ ...e, eventId: ids[i], recordedAt: ctx.now }) as RecordedEvent),
    { trial: true },
  );
}

/** Checks that need the partnership's history or the clock, on data as it would be stored. */
export function contextErrors(
  type: EventType,
  data: Record<string, unknown>,
  history: History,
  ctx: DecideContext,
  prefix = '',
  self?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const occurredOn = data.occurredOn as BusinessDate | undefined;
  if (!MAY_LIE_AHEAD.has(type) && data.planned !== true && isValidBusinessDate(occurredOn) && isAfterDay(occurredOn!, ctx.now)) {
    errors.push({
      field: `${prefix}occurredOn`,
      reason:
        `${occurredOn!.date} is after today (${dayOf(ctx.now)}); a completed milestone cannot lie in the future` +
        (PLANNABLE.has(type)
          ? ' — mark it planned to put it in the calendar'
          : type === 'AgreementSigned'
            ? ' — schedule the signing instead'
            : ''),
    });
  }
  const madeOn = data.madeOn as BusinessDate | undefined;
  if (isValidBusinessDate(madeOn) && isAfterDay(madeOn!, ctx.now)) {
    errors.push({
      field: `${prefix}madeOn`,
      reason: `${madeOn!.date} is after today (${dayOf(ctx.now)}); a plan cannot be made in the future`,
    });
  }
  const paperReference = data.paperReference;
  if (CONSULTATIONS.has(type) && typeof paperReference === 'string' && isValidBusinessDate(occurredOn)) {
    const papers = deriveAt(history, foldDate({ type, data })).papers;
    if (!papers[paperReference]) {
      const later = Object.values(deriveAt(history).papers).find((p) => p.reference === paperReference);
      errors.push({
        field: `${prefix}paperReference`,
        reason: later
          ? `draft resolution "${paperReference}" was drafted later (${dateText(later.draftedOn)}) than this consultation`
          : `no draft resolution "${paperReference}" has been recorded for this partnership`,
      });
    }
  }
  const deliveryId = data.deliveryId;
  if (type === 'AidReceiptConfirmed' && typeof deliveryId === 'string') {
    const delivery = history.entries[deliveryId];
    const problem = !delivery
      ? `no entry ${deliveryId} exists in this partnership`
      : delivery.type !== 'AidDelivered'
        ? `entry ${deliveryId} is ${delivery.type}, not a delivery (AidDelivered)`
        : delivery.retracted
          ? `delivery ${deliveryId} was retracted`
          : undefined;
    if (problem) errors.push({ field: `${prefix}deliveryId`, reason: problem });
  }
  errors.push(...obligationErrors(type, data, history, prefix, self));
  const relatesTo = data.relatesTo;
  if (typeof relatesTo === 'string' && (!history.entries[relatesTo] || history.entries[relatesTo].retracted)) {
    errors.push({ field: `${prefix}relatesTo`, reason: `no current entry ${relatesTo} exists in this partnership` });
  }
  return errors;
}

/**
 * An obligation entry names an obligation some live funding entry imposes (whether it existed on the
 * entry's date is the state's question, a 409); a funding entry's ids are the partnership's own.
 */
function obligationErrors(type: EventType, data: Record<string, unknown>, history: History, prefix: string, self?: string): FieldError[] {
  if (OBLIGATION_ENTRY_TYPES.has(type) && typeof data.obligationId === 'string') {
    return obligationIds(deriveAt(history)).has(data.obligationId)
      ? []
      : [{ field: `${prefix}obligationId`, reason: `no obligation "${data.obligationId}" is recorded for this partnership` }];
  }
  if (type !== 'FundingReceived' || !Array.isArray(data.obligations)) return [];
  const others = obligationIds(deriveAt(history), self);
  return data.obligations.flatMap((o: unknown, i) => {
    const id = (o as { id?: unknown } | null)?.id;
    return typeof id === 'string' && others.has(id)
      ? [
          {
            field: `${prefix}obligations[${i}].id`,
            reason: `"${id}" already names an obligation of another funding entry of this partnership`,
          },
        ]
      : [];
  });
}

export function recordable<T extends EventType>(
  type: T,
  data: EventData<T>,
  history: History,
  ctx: DecideContext,
): Extract<PartnershipEvent, { type: T }> {
  const errors = [...validateEventData(type, data), ...contextErrors(type, data as unknown as Record<string, unknown>, history, ctx)];
  if (errors.length > 0) throw new ValidationError(errors);
  return { type, data } as unknown as Extract<PartnershipEvent, { type: T }>;
}

export function refuse(state: DerivedState, message: string, needed: string): never {
  throw new TransitionNotAllowedError(message, summarize(state), needed);
}
