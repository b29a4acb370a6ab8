// decide(command, state, ctx) → events. Pure: the clock arrives in ctx, ids are added by the caller
// when it appends. Throws domain errors; where the rules are unsure, it records rather than blocks.
import { businessDateStart, dayOf, isAfterDay, isValidBusinessDate } from './dates.js';
import { HistoryConflictError, PartnershipAlreadyExistsError, PartnershipNotFoundError, ValidationError } from './errors.js';
import type { History } from './history.js';
import { foldDate, isPlan, plannedDateOf } from './business-order.js';
import { COMMAND_EVENT, type PartnershipCommand } from './commands.js';
import { decideCorrection, decideRetraction } from './corrections.js';
import { deriveAt, splitAt } from './evolve.js';
import { validateEventData, type PartnershipEvent } from './events.js';
import { obligationIds, withObligationIds } from './obligations.js';
import { nameKey, participantKey } from './state.js';
import { THIS_COMMAND, dateText, newConflicts, recordable, refuse, violation, withRecorded, type DecideContext } from './rules.js';
import type { BusinessDate } from './vocabulary.js';

export type { DecideContext };

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
  // Obligations the office gives no id get one that is free in the partnership.
  if (type === 'FundingReceived' && given.obligations !== undefined) {
    given.obligations = withObligationIds(given.obligations, obligationIds(deriveAt(state)));
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
