// The commands (what someone asks to record) and decide(command, state, ctx) → events. Pure: the clock
// arrives in ctx, ids are added by the caller when it appends. Throws domain errors; where DOMAIN.md is
// unsure, it records rather than blocks.
import { businessDateEnd, businessDateStart, dayOf, formatBusinessDate, isAfterDay, isValidBusinessDate } from './dates.js';
import {
  EntryNotFoundError,
  PartnershipAlreadyExistsError,
  PartnershipNotFoundError,
  TransitionNotAllowedError,
  ValidationError,
  type FieldError,
  type StateSummary,
} from './errors.js';
import { applyChanges, nameKey, participantKey, type PartnershipState } from './evolve.js';
import {
  EVENT_DATA_FIELDS,
  validateEventData,
  type EventData,
  type EventType,
  type PartnershipEvent,
  type PartnershipInitiatedData,
} from './events.js';
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
interface OwnCommandData {
  InitiatePartnership: InitiatePartnershipData;
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
const ALLOWED_WHILE_SUSPENDED = new Set<CommandType>([
  'ResumePartnership',
  'TerminatePartnership',
  'CorrectEntry',
  'RetractEntry',
  'AddNote',
  'AttachDocument',
]);
const ALLOWED_AFTER_TERMINATION = new Set<CommandType>(['CorrectEntry', 'RetractEntry']);
/** Fields that identify rather than describe: correcting them would silently re-point history. */
const NOT_CORRECTABLE: Partial<Record<EventType, readonly string[]>> = { PartnershipInitiated: ['partnershipId'] };

export function summarize(state: PartnershipState): StateSummary {
  return {
    tier: state.exists ? state.tier : null,
    standing: state.exists ? state.standing : null,
    ...(state.pendingUpgrade ? { pendingUpgrade: state.pendingUpgrade.tier } : {}),
  };
}

function refuse(state: PartnershipState, message: string, needed: string): never {
  throw new TransitionNotAllowedError(message, summarize(state), needed);
}

function displayName(name: LocalizedName | undefined): string {
  return name?.en ?? name?.de ?? name?.uk ?? 'the counterpart';
}

/** Checks that need the partnership's history or the clock, on data as it would be stored. */
function contextErrors(
  type: EventType,
  data: Record<string, unknown>,
  state: PartnershipState,
  ctx: DecideContext,
  prefix = '',
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
  const paperReference = data.paperReference;
  if (CONSULTATIONS.has(type) && typeof paperReference === 'string' && !state.papers[paperReference]) {
    errors.push({
      field: `${prefix}paperReference`,
      reason: `no draft resolution "${paperReference}" has been recorded for this partnership`,
    });
  }
  const relatesTo = data.relatesTo;
  if (typeof relatesTo === 'string' && (!state.entries[relatesTo] || state.entries[relatesTo].retracted)) {
    errors.push({ field: `${prefix}relatesTo`, reason: `no current entry ${relatesTo} exists in this partnership` });
  }
  return errors;
}

function recordable<T extends EventType>(
  type: T,
  data: EventData<T>,
  state: PartnershipState,
  ctx: DecideContext,
): Extract<PartnershipEvent, { type: T }> {
  const errors = [...validateEventData(type, data), ...contextErrors(type, data as unknown as Record<string, unknown>, state, ctx)];
  if (errors.length > 0) throw new ValidationError(errors);
  return { type, data } as unknown as Extract<PartnershipEvent, { type: T }>;
}

function hasAdoptedCouncilDecisionBy(state: PartnershipState, signedOn: BusinessDate): boolean {
  // Lenient with coarse dates: a decision "2023-02" counts for a signing on 2023-02-23.
  return state.councilDecisions.some(
    (d) =>
      (d.outcome === 'adopted' || d.outcome === 'adopted_with_amendments') && businessDateStart(d.decidedOn) <= businessDateEnd(signedOn),
  );
}

function guardStanding(command: PartnershipCommand, state: PartnershipState): void {
  const id = command.partnershipId;
  if (state.terminated && !ALLOWED_AFTER_TERMINATION.has(command.type)) {
    refuse(
      state,
      `Partnership ${id} is terminated, so only corrections and retractions can be recorded. ` +
        `A restart is a new partnership that names "${id}" as its predecessorId.`,
      `a new partnership initiated with predecessorId "${id}"`,
    );
  }
  if (state.standing === 'suspended') {
    if (command.type === 'SuspendPartnership') {
      refuse(state, `Partnership ${id} is already suspended.`, 'an active partnership');
    }
    if (!ALLOWED_WHILE_SUSPENDED.has(command.type)) {
      refuse(
        state,
        `Partnership ${id} is suspended; it must be resumed before ${command.type} can be recorded. ` +
          'While suspended it accepts only resumption, termination, corrections, retractions, notes and documents.',
        'ResumePartnership first',
      );
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function decideCorrection(
  command: Extract<PartnershipCommand, { type: 'CorrectEntry' }>,
  state: PartnershipState,
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

  const target = state.entries[eventId];
  if (!target) throw new EntryNotFoundError(eventId, command.partnershipId);
  if (target.retracted) {
    refuse(
      state,
      `Entry ${eventId} was retracted, so it cannot be corrected; record the milestone again instead.`,
      'an entry that is not retracted',
    );
  }
  if (target.type === 'EntryCorrected' || target.type === 'EntryRetracted') {
    refuse(
      state,
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
  const errors = [...validateEventData(target.type, merged, 'changes.'), ...contextErrors(target.type, merged, state, ctx, 'changes.')];
  if (errors.length > 0) throw new ValidationError(errors);

  if (target.type === 'DraftResolutionPrepared' && typeof normalised.paperReference === 'string') {
    const other = state.papers[normalised.paperReference];
    if (other && other.eventId !== target.eventId) {
      refuse(
        state,
        `Paper ${normalised.paperReference} has already been drafted (entry ${other.eventId}); a paper is drafted once.`,
        'a paper reference not yet drafted',
      );
    }
  }

  const previous = Object.fromEntries(Object.keys(normalised).map((k) => [k, target.data[k] ?? null]));
  return [{ type: 'EntryCorrected', data: { targetEventId: eventId, targetType: target.type, reason, changes: normalised, previous } }];
}

function decideRetraction(command: Extract<PartnershipCommand, { type: 'RetractEntry' }>, state: PartnershipState): PartnershipEvent[] {
  const { eventId, reason } = command.data;
  const shape: FieldError[] = [];
  if (typeof eventId !== 'string' || eventId.trim() === '') shape.push({ field: 'eventId', reason: 'must name the entry to retract' });
  if (typeof reason !== 'string' || reason.trim() === '') shape.push({ field: 'reason', reason: 'must say why the entry is retracted' });
  if (shape.length > 0) throw new ValidationError(shape);

  const target = state.entries[eventId];
  if (!target) throw new EntryNotFoundError(eventId, command.partnershipId);
  if (target.retracted) refuse(state, `Entry ${eventId} has already been retracted.`, 'an entry that is not retracted');
  if (target.type === 'EntryRetracted') {
    refuse(
      state,
      `Entry ${eventId} is a retraction, and a retraction cannot be retracted; record the milestone again instead.`,
      'an entry that is not a retraction',
    );
  }
  if (target.type === 'PartnershipInitiated') {
    refuse(
      state,
      `Entry ${eventId} starts the partnership and cannot be retracted; correct it, or terminate the partnership.`,
      'an entry other than the initiation',
    );
  }
  return [{ type: 'EntryRetracted', data: { targetEventId: eventId, targetType: target.type, reason } }];
}

export function decide(command: PartnershipCommand, state: PartnershipState, ctx: DecideContext): PartnershipEvent[] {
  const id = command.partnershipId;
  if (command.type === 'InitiatePartnership') {
    if (state.exists) throw new PartnershipAlreadyExistsError(id);
    if (command.data.predecessorId === id) {
      throw new ValidationError([{ field: 'predecessorId', reason: 'must name a different partnership than the one being initiated' }]);
    }
    return [recordable('PartnershipInitiated', { ...command.data, partnershipId: id }, state, ctx)];
  }
  if (!state.exists) throw new PartnershipNotFoundError(id);
  guardStanding(command, state);

  switch (command.type) {
    case 'DesignateCounterpart':
      if (state.counterpart) {
        refuse(
          state,
          `Partnership ${id} already has a counterpart, ${displayName(state.counterpart.name)}. ` +
            'Record a rename when its name changes; a different counterpart is a new partnership.',
          'a partnership without a counterpart',
        );
      }
      return [recordable('CounterpartDesignated', command.data, state, ctx)];

    case 'RenameCounterpart':
      if (!state.counterpart)
        refuse(state, `Partnership ${id} has no counterpart yet; designate one before renaming it.`, 'DesignateCounterpart first');
      return [recordable('CounterpartRenamed', command.data, state, ctx)];

    case 'RecordAidDelivery':
      return [recordable('AidDelivered', command.data, state, ctx)];

    case 'RecordAidCommitment':
      return [recordable('AidCommitted', command.data, state, ctx)];

    case 'PrepareDraftResolution': {
      const event = recordable('DraftResolutionPrepared', command.data, state, ctx);
      const existing = state.papers[event.data.paperReference];
      if (existing) {
        refuse(
          state,
          `Paper ${existing.reference} was already drafted (${formatBusinessDate(existing.draftedOn, 'en')}); a paper is drafted once. ` +
            'Record its consultations, or correct the draft entry.',
          'a paper reference not yet drafted',
        );
      }
      return [event];
    }

    case 'RecordBoardReview':
      return [recordable('BoardReviewed', command.data, state, ctx)];

    case 'ReferToCommittee':
      return [recordable('ReferredToCommittee', command.data, state, ctx)];

    case 'RecordCommitteeDecision':
      return [recordable('CommitteeDecided', command.data, state, ctx)];

    case 'RecordCouncilDecision':
      return [recordable('CouncilDecided', command.data, state, ctx)];

    case 'ScheduleAgreementSigning':
      return [recordable('AgreementSigningScheduled', command.data, state, ctx)];

    case 'RecordAgreementSigning': {
      const event = recordable('AgreementSigned', command.data, state, ctx);
      const { agreementKind, urgentDecisionReference, occurredOn } = event.data;
      if (agreementKind !== 'letter_of_intent' && !urgentDecisionReference && !hasAdoptedCouncilDecisionBy(state, occurredOn)) {
        refuse(
          state,
          `Signing a ${agreementKind.replace(/_/g, ' ')} agreement on ${formatBusinessDate(occurredOn, 'en')} needs an adopted council decision ` +
            'or an urgent-decision reference; no adopted council decision on or before that date is recorded.',
          'an adopted council decision (RecordCouncilDecision with outcome adopted) or urgentDecisionReference',
        );
      }
      return [event];
    }

    case 'AddCooperationArea': {
      const event = recordable('CooperationAreaAdded', command.data, state, ctx);
      const key = nameKey(event.data.area);
      return state.areas.some((a) => nameKey(a) === key) ? [] : [event]; // already there: adding again is a no-op
    }

    case 'RemoveCooperationArea': {
      const event = recordable('CooperationAreaRemoved', command.data, state, ctx);
      const key = nameKey(event.data.area);
      if (!state.areas.some((a) => nameKey(a) === key)) {
        refuse(
          state,
          `"${event.data.area}" is not a cooperation area of partnership ${id}` +
            (state.areas.length ? ` (current areas: ${state.areas.join(', ')}).` : '; it has none.'),
          'an area that is currently part of the partnership',
        );
      }
      return [event];
    }

    case 'RecordParticipantJoined': {
      const event = recordable('ParticipantJoined', command.data, state, ctx);
      const key = participantKey(event.data);
      return state.participants.some((p) => participantKey(p) === key) ? [] : [event]; // already taking part
    }

    case 'RecordParticipantLeft': {
      const event = recordable('ParticipantLeft', command.data, state, ctx);
      const key = participantKey(event.data);
      if (!state.participants.some((p) => participantKey(p) === key)) {
        refuse(
          state,
          `${event.data.organisation} (${event.data.side} side) is not taking part in partnership ${id}, so it cannot leave.`,
          'a participant that has joined',
        );
      }
      return [event];
    }

    case 'RecordActivity':
      return [recordable('ActivityHeld', command.data, state, ctx)];

    case 'SuspendPartnership':
      return [recordable('PartnershipSuspended', command.data, state, ctx)];

    case 'ResumePartnership':
      if (state.standing !== 'suspended') {
        refuse(
          state,
          `Partnership ${id} is ${state.standing}, not suspended; only a suspended partnership can be resumed.`,
          'a suspended partnership',
        );
      }
      return [recordable('PartnershipResumed', command.data, state, ctx)];

    case 'TerminatePartnership':
      return [recordable('PartnershipTerminated', command.data, state, ctx)];

    case 'AttachDocument':
      return [recordable('DocumentAttached', command.data, state, ctx)];

    case 'AddNote':
      return [recordable('NoteAdded', command.data, state, ctx)];

    case 'CorrectEntry':
      return decideCorrection(command, state, ctx);

    case 'RetractEntry':
      return decideRetraction(command, state);
  }
}
