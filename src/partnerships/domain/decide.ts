// The commands (what someone asks to record) and decide(command, state, ctx) → events. Pure: the clock
// arrives in ctx, ids are added by the caller when it appends. Throws domain errors; where the rules are
// unsure, it records rather than blocks.
import { businessDateStart, dayOf, formatBusinessDate, isAfterDay, isValidBusinessDate } from './dates.js';
import {
  EntryNotFoundError,
  HistoryConflictError,
  PartnershipAlreadyExistsError,
  PartnershipNotFoundError,
  TransitionNotAllowedError,
  ValidationError,
  type ConflictingEntry,
  type FieldError,
  type StateSummary,
} from './errors.js';
import {
  applyChanges,
  applyEntry,
  deriveAt,
  foldDate,
  isPlan,
  nameKey,
  participantKey,
  plannedDateOf,
  recordAll,
  splitAt,
  type DerivedState,
  type EntryRecord,
  type History,
} from './evolve.js';
import {
  EVENT_DATA_FIELDS,
  validateEventData,
  type EventData,
  type EventType,
  type PartnershipEvent,
  type PartnershipInitiatedData,
  type PartnershipSuspendedData,
  type RecordedEvent,
} from './events.js';
import { displayName } from './names.js';
import type { BusinessDate, LocalizedName } from './vocabulary.js';

// ---- commands ---------------------------------------------------------------------------------

/** `partnershipId` comes from the command, not from the data. */
export type InitiatePartnershipData = Omit<PartnershipInitiatedData, 'partnershipId'>;

export interface CorrectEntryData {
  /** the entry being corrected */
  eventId: string;
  reason: string;
  /** top-level fields of the target's data to replace; null clears an optional field */
  changes: Record<string, unknown>;
}

export interface RetractEntryData {
  /** the entry being retracted */
  eventId: string;
  reason: string;
}

/** Which event each command records when it succeeds. */
export const COMMAND_EVENT = {
  InitiatePartnership: 'PartnershipInitiated',
  DesignateCounterpart: 'CounterpartDesignated',
  RenameCounterpart: 'CounterpartRenamed',
  RecordAidDelivery: 'AidDelivered',
  RecordAidCommitment: 'AidCommitted',
  PrepareDraftResolution: 'DraftResolutionPrepared',
  RecordBoardReview: 'BoardReviewed',
  ReferToCommittee: 'ReferredToCommittee',
  RecordCommitteeDecision: 'CommitteeDecided',
  RecordCouncilDecision: 'CouncilDecided',
  ScheduleAgreementSigning: 'AgreementSigningScheduled',
  RecordAgreementSigning: 'AgreementSigned',
  AddCooperationArea: 'CooperationAreaAdded',
  RemoveCooperationArea: 'CooperationAreaRemoved',
  RecordParticipantJoined: 'ParticipantJoined',
  RecordParticipantLeft: 'ParticipantLeft',
  RecordActivity: 'ActivityHeld',
  RecordFundingReceived: 'FundingReceived',
  SuspendPartnership: 'PartnershipSuspended',
  ResumePartnership: 'PartnershipResumed',
  TerminatePartnership: 'PartnershipTerminated',
  AttachDocument: 'DocumentAttached',
  AddNote: 'NoteAdded',
  CorrectEntry: 'EntryCorrected',
  RetractEntry: 'EntryRetracted',
} as const satisfies Record<string, EventType>;

export type CommandType = keyof typeof COMMAND_EVENT;

/** Most commands carry exactly the data of the event they record; these three carry their own. */
/** A suspension, and — when it is recorded after the fact — the day it ended, in one command. */
export interface SuspendPartnershipData extends PartnershipSuspendedData {
  /** the day the partnership was resumed: recorded as a PartnershipResumed in the same command */
  resumedOn?: BusinessDate;
  resumptionReason?: string;
}

interface OwnCommandData {
  InitiatePartnership: InitiatePartnershipData;
  SuspendPartnership: SuspendPartnershipData;
  CorrectEntry: CorrectEntryData;
  RetractEntry: RetractEntryData;
}
export type CommandData<C extends CommandType> = C extends keyof OwnCommandData ? OwnCommandData[C] : EventData<(typeof COMMAND_EVENT)[C]>;
export type PartnershipCommand = { [C in CommandType]: { type: C; partnershipId: string; data: CommandData<C> } }[CommandType];
export type CommandOfType<T extends CommandType> = Extract<PartnershipCommand, { type: T }>;

export const COMMAND_TYPES = Object.keys(COMMAND_EVENT) as CommandType[];

// ---- decide -----------------------------------------------------------------------------------

export interface DecideContext {
  /** ISO timestamp from the caller's clock; its calendar day (as written, with its offset) is "today" */
  now: string;
}

/** Entries that look ahead (or, for notes, are no milestone) and may carry a date after today. */
const MAY_LIE_AHEAD = new Set<EventType>(['AgreementSigningScheduled', 'AidCommitted', 'NoteAdded']);
const PLANNABLE = new Set<EventType>(['BoardReviewed', 'ReferredToCommittee', 'CommitteeDecided', 'CouncilDecided', 'ActivityHeld']);
const CONSULTATIONS = new Set<EventType>(['BoardReviewed', 'ReferredToCommittee', 'CommitteeDecided', 'CouncilDecided']);
/** What a suspended partnership accepts (corrections and retractions are no entries of their own). */
const ALLOWED_WHILE_SUSPENDED = new Set<EventType>(['PartnershipResumed', 'PartnershipTerminated', 'NoteAdded', 'DocumentAttached']);
/** Fields that identify rather than describe: correcting them would silently re-point history. */
const NOT_CORRECTABLE: Partial<Record<EventType, readonly string[]>> = { PartnershipInitiated: ['partnershipId'] };
/** The id the command's own, not yet stored, event has while its consequences are checked. */
const THIS_COMMAND = '(this command)';

export function summarize(state: DerivedState): StateSummary {
  return {
    tier: state.exists ? state.tier : null,
    standing: state.exists ? state.standing : null,
    ...(state.pendingUpgrade ? { pendingUpgrade: state.pendingUpgrade.tier } : {}),
  };
}

const counterpartName = (name: LocalizedName | undefined): string => displayName(name) ?? 'the counterpart';

const dateText = (d: BusinessDate | undefined) => (d ? formatBusinessDate(d, 'en') : 'an unknown date');

interface Violation {
  message: string;
  needed: string;
}

/**
 * The rules every entry must meet against the state on its own business date (`s` holds every
 * entry before it in business-date order). Used for a new command, and for each entry after a
 * back-dated change, a correction or a retraction, so late history can never contradict itself.
 */
function violation(s: DerivedState, type: EventType, data: Readonly<Record<string, unknown>>, id: string): Violation | null {
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
    default:
      // A consultation's paper is checked when the consultation is recorded or corrected, not when the
      // paper's entry changes: renaming a paper and its consultations must be possible one after the other.
      return null;
  }
}

/** Entries (by id) that break a rule against the state on their date, from `from` (YYYY-MM-DD) on. */
function violationsFrom(history: History, from: string, id: string): Map<string, { entry: EntryRecord; violation: Violation }> {
  const found = new Map<string, { entry: EntryRecord; violation: Violation }>();
  const split = splitAt(history, from);
  let s = split.before;
  for (const entry of split.from) {
    if (!entry.retracted) {
      const v = violation(s, entry.type, entry.data, id);
      if (v) found.set(entry.eventId, { entry, violation: v });
    }
    s = applyEntry(s, entry, history.entries);
  }
  return found;
}

/**
 * What a change (a new entry, a correction, a retraction) would newly make impossible from `from` on.
 * Entries that broke a rule already (history recorded before these rules) are not blamed on it.
 */
function newConflicts(before: History, after: History, from: string, id: string): ConflictingEntry[] {
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
function withRecorded(history: History, events: PartnershipEvent[], ctx: DecideContext, ids: string[]): History {
  return recordAll(
    history,
    events.map((e, i) => ({ ...e, eventId: ids[i], recordedAt: ctx.now }) as RecordedEvent),
    { trial: true },
  );
}

/** Checks that need the partnership's history or the clock, on data as it would be stored. */
function contextErrors(type: EventType, data: Record<string, unknown>, history: History, ctx: DecideContext, prefix = ''): FieldError[] {
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
  const relatesTo = data.relatesTo;
  if (typeof relatesTo === 'string' && (!history.entries[relatesTo] || history.entries[relatesTo].retracted)) {
    errors.push({ field: `${prefix}relatesTo`, reason: `no current entry ${relatesTo} exists in this partnership` });
  }
  return errors;
}

function recordable<T extends EventType>(
  type: T,
  data: EventData<T>,
  history: History,
  ctx: DecideContext,
): Extract<PartnershipEvent, { type: T }> {
  const errors = [...validateEventData(type, data), ...contextErrors(type, data as unknown as Record<string, unknown>, history, ctx)];
  if (errors.length > 0) throw new ValidationError(errors);
  return { type, data } as unknown as Extract<PartnershipEvent, { type: T }>;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function refuse(state: DerivedState, message: string, needed: string): never {
  throw new TransitionNotAllowedError(message, summarize(state), needed);
}

function decideCorrection(
  command: Extract<PartnershipCommand, { type: 'CorrectEntry' }>,
  history: History,
  ctx: DecideContext,
): PartnershipEvent[] {
  const { eventId, reason, changes } = command.data;
  const shape: FieldError[] = [];
  if (typeof eventId !== 'string' || eventId.trim() === '') shape.push({ field: 'eventId', reason: 'must name the entry to correct' });
  if (typeof reason !== 'string' || reason.trim() === '') shape.push({ field: 'reason', reason: 'must say why the entry is corrected' });
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes) || Object.keys(changes).length === 0) {
    shape.push({ field: 'changes', reason: 'must name at least one field to correct' });
  }
  if (shape.length > 0) throw new ValidationError(shape);

  const now = deriveAt(history);
  const target = history.entries[eventId];
  if (!target) throw new EntryNotFoundError(eventId, command.partnershipId);
  if (target.retracted) {
    refuse(
      now,
      `Entry ${eventId} was retracted, so it cannot be corrected; record the milestone again instead.`,
      'an entry that is not retracted',
    );
  }
  if (target.type === 'EntryCorrected' || target.type === 'EntryRetracted') {
    refuse(
      now,
      `Entry ${eventId} is itself a ${target.type === 'EntryCorrected' ? 'correction' : 'retraction'}; correct the original entry instead.`,
      'a milestone entry',
    );
  }

  const known = EVENT_DATA_FIELDS[target.type] as readonly string[];
  const fieldErrors: FieldError[] = [];
  for (const field of Object.keys(changes)) {
    if (!known.includes(field)) fieldErrors.push({ field: `changes.${field}`, reason: `is not a field of ${target.type}` });
    else if (NOT_CORRECTABLE[target.type]?.includes(field))
      fieldErrors.push({ field: `changes.${field}`, reason: 'identifies the partnership and cannot be corrected' });
  }
  if (fieldErrors.length > 0) throw new ValidationError(fieldErrors);

  // JSON has no undefined: normalise "clear this field" to null so the stored event says so.
  const normalised = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v === undefined ? null : v]));
  const changed = Object.entries(normalised).filter(([k, v]) => !deepEqual(v === null ? undefined : v, target.data[k]));
  if (changed.length === 0) return []; // already the current value: nothing to record (safe to retry)

  const merged = applyChanges(target.data, normalised);
  const errors = [...validateEventData(target.type, merged, 'changes.'), ...contextErrors(target.type, merged, history, ctx, 'changes.')];
  if (errors.length > 0) throw new ValidationError(errors);

  const previous = Object.fromEntries(Object.keys(normalised).map((k) => [k, target.data[k] ?? null]));
  const event: PartnershipEvent = {
    type: 'EntryCorrected',
    data: { targetEventId: eventId, targetType: target.type, reason, changes: normalised, previous },
  };
  // The entry may move in business time: check everything from the earlier of its two dates.
  const after = withRecorded(history, [event], ctx, [THIS_COMMAND]);
  const from = [foldDate(target), foldDate({ ...target, data: merged })].sort()[0];
  const conflicts = newConflicts(history, after, from, command.partnershipId);
  // The corrected entry itself breaking a rule is refused like a new entry would be.
  const own = conflicts.find((c) => c.eventId === eventId);
  if (own) refuse(deriveAt(after, foldDate({ ...target, data: merged })), own.reason, own.needed ?? 'a change consistent with the history');
  if (conflicts.length) throw new HistoryConflictError(`Correcting entry ${eventId}`, conflicts);
  return [event];
}

function decideRetraction(
  command: Extract<PartnershipCommand, { type: 'RetractEntry' }>,
  history: History,
  ctx: DecideContext,
): PartnershipEvent[] {
  const { eventId, reason } = command.data;
  const shape: FieldError[] = [];
  if (typeof eventId !== 'string' || eventId.trim() === '') shape.push({ field: 'eventId', reason: 'must name the entry to retract' });
  if (typeof reason !== 'string' || reason.trim() === '') shape.push({ field: 'reason', reason: 'must say why the entry is retracted' });
  if (shape.length > 0) throw new ValidationError(shape);

  const now = deriveAt(history);
  const target = history.entries[eventId];
  if (!target) throw new EntryNotFoundError(eventId, command.partnershipId);
  if (target.retracted) refuse(now, `Entry ${eventId} has already been retracted.`, 'an entry that is not retracted');
  if (target.type === 'EntryRetracted') {
    refuse(
      now,
      `Entry ${eventId} is a retraction, and a retraction cannot be retracted; record the milestone again instead.`,
      'an entry that is not a retraction',
    );
  }
  if (target.type === 'PartnershipInitiated') {
    refuse(
      now,
      `Entry ${eventId} starts the partnership and cannot be retracted; correct it, or terminate the partnership.`,
      'an entry other than the initiation',
    );
  }
  const event: PartnershipEvent = { type: 'EntryRetracted', data: { targetEventId: eventId, targetType: target.type, reason } };
  const after = withRecorded(history, [event], ctx, [THIS_COMMAND]);
  // Retracting a correction moves its entry back: check from the earlier of its dates.
  const affected = target.type === 'EntryCorrected' ? history.entries[String(target.data.targetEventId)] : target;
  const moved = affected ? after.entries[affected.eventId] : undefined;
  const from = [affected ? foldDate(affected) : '0001-01-01', moved ? foldDate(moved) : '9999-12-31'].sort()[0];
  const conflicts = newConflicts(history, after, from, command.partnershipId);
  if (conflicts.length) throw new HistoryConflictError(`Retracting entry ${eventId}`, conflicts);
  return [event];
}

/**
 * Decides a command at its own business date: the state it is checked against is the state on that
 * date, and it may not contradict entries recorded for later dates. `state` is what the ledger knows
 * (its history); the clock arrives in ctx.
 */
export function decide(command: PartnershipCommand, state: History, ctx: DecideContext): PartnershipEvent[] {
  const id = command.partnershipId;
  const exists = state.entryOrder.some((e) => state.entries[e]?.type === 'PartnershipInitiated');
  if (command.type === 'InitiatePartnership') {
    if (exists) throw new PartnershipAlreadyExistsError(id);
    if (command.data.predecessorId === id) {
      throw new ValidationError([{ field: 'predecessorId', reason: 'must name a different partnership than the one being initiated' }]);
    }
    return [recordable('PartnershipInitiated', { ...command.data, partnershipId: id }, state, ctx)];
  }
  if (!exists) throw new PartnershipNotFoundError(id);
  if (command.type === 'CorrectEntry') return decideCorrection(command, state, ctx);
  if (command.type === 'RetractEntry') return decideRetraction(command, state, ctx);

  const type = COMMAND_EVENT[command.type];
  const given = { ...(command.data as unknown as Record<string, unknown>) };
  // A suspension recorded after it ended may carry its end: both events are checked as one change,
  // since neither could be recorded first in a history that goes on after them.
  const resumption = command.type === 'SuspendPartnership' ? takeResumption(given, ctx) : null;
  // Unless the office says when a plan was made: the day it is recorded, or its planned day if that
  // is earlier (a plan for a past date was made by then at the latest, so a late entry of a plan and
  // of what fulfilled it still meet in the right order).
  if (isPlan({ type, data: given }) && given.madeOn === undefined) {
    const planned = plannedDateOf({ type, data: given });
    const today = dayOf(ctx.now);
    const day = planned && isValidBusinessDate(planned) && businessDateStart(planned) < today ? businessDateStart(planned) : today;
    given.madeOn = { date: day, precision: 'day' };
  }
  const event = recordable(type, given as never, state, ctx) as PartnershipEvent;
  const data = event.data as unknown as Record<string, unknown>;
  const on = foldDate({ type, data });
  const before = deriveAt(state, on);

  // The same fact recorded again for the same day changes nothing (safe to retry). Only the same
  // day: whether an area added on another day matters depends on entries not all known yet.
  if (type === 'CooperationAreaAdded' || type === 'ParticipantJoined') {
    const keyOf = (d: Readonly<Record<string, unknown>>) =>
      type === 'CooperationAreaAdded'
        ? nameKey(String(d.area))
        : participantKey(d as { organisation: string; side: 'own' | 'counterpart' });
    const again = splitAt(state, on).from.some(
      (e) => e.type === type && !e.retracted && foldDate(e) === on && keyOf(e.data) === keyOf(data),
    );
    if (again) return [];
  }

  const own = violation(before, type, data, id);
  if (own) refuse(before, own.message, own.needed);
  const events = resumption ? [event, resumption] : [event];
  const ids = events.map((_, i) => `${THIS_COMMAND}#${i}`);
  const after = withRecorded(state, events, ctx, ids);
  const conflicts = newConflicts(state, after, on, id);
  // One of the command's own later events (the resumption) breaking a rule is refused like the first would be.
  const ownLater = conflicts.find((c) => ids.includes(c.eventId));
  if (ownLater) {
    const mine = events[ids.indexOf(ownLater.eventId)];
    refuse(
      deriveAt(state, foldDate({ type: mine.type, data: mine.data as unknown as Record<string, unknown> })),
      ownLater.reason,
      ownLater.needed ?? '',
    );
  }
  if (conflicts.length) throw new HistoryConflictError(`Recording ${type} on ${dateText(data.occurredOn as BusinessDate)}`, conflicts);
  return events;
}

/** Splits `resumedOn` off a suspension's data into the resumption it records, checked for its date. */
function takeResumption(given: Record<string, unknown>, ctx: DecideContext): PartnershipEvent | null {
  const { resumedOn, resumptionReason } = given;
  delete given.resumedOn;
  delete given.resumptionReason;
  if (resumedOn === undefined || resumedOn === null) {
    if (resumptionReason !== undefined) throw new ValidationError([{ field: 'resumptionReason', reason: 'needs resumedOn' }]);
    return null;
  }
  const data: Record<string, unknown> = { occurredOn: resumedOn, ...(resumptionReason !== undefined ? { reason: resumptionReason } : {}) };
  const errors = validateEventData('PartnershipResumed', data).map((e) => ({
    ...e,
    field: e.field === 'occurredOn' ? 'resumedOn' : e.field === 'reason' ? 'resumptionReason' : e.field,
  }));
  const from = given.occurredOn as BusinessDate | undefined;
  if (!errors.length && isValidBusinessDate(from) && businessDateStart(resumedOn as BusinessDate) <= businessDateStart(from!)) {
    errors.push({ field: 'resumedOn', reason: `must be after the suspension's own date (${from!.date})` });
  }
  if (!errors.length && isAfterDay(resumedOn as BusinessDate, ctx.now)) {
    errors.push({
      field: 'resumedOn',
      reason: `${(resumedOn as BusinessDate).date} is after today (${dayOf(ctx.now)}); record the resumption when it happens`,
    });
  }
  if (errors.length) throw new ValidationError(errors);
  return { type: 'PartnershipResumed', data } as unknown as PartnershipEvent;
}
