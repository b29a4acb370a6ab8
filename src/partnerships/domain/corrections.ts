// Corrections and retractions: they change an earlier entry, so they are checked against every entry
// from the earlier of its old and new dates on.
import { applyChanges, type History } from './history.js';
import { foldDate } from './business-order.js';
import { EntryNotFoundError, HistoryConflictError, ValidationError, type FieldError } from './errors.js';
import { deriveAt } from './evolve.js';
import { EVENT_DATA_FIELDS, validateEventData, type EventType, type PartnershipEvent } from './events.js';
import type { PartnershipCommand } from './commands.js';
import { THIS_COMMAND, contextErrors, newConflicts, refuse, withRecorded, type DecideContext } from './rules.js';

/** Fields that identify rather than describe: correcting them would silently re-point history. */
const NOT_CORRECTABLE: Partial<Record<EventType, readonly string[]>> = {
  PartnershipInitiated: ['partnershipId'],
  AidReceiptConfirmed: ['deliveryId'],
};

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function decideCorrection(
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
    if (!known.includes(field)) fieldErrors.push({ field: `changes.${field}`, reason: `is not a known field of ${target.type}` });
    else if (NOT_CORRECTABLE[target.type]?.includes(field))
      fieldErrors.push({
        field: `changes.${field}`,
        reason:
          target.type === 'PartnershipInitiated'
            ? 'identifies the partnership and cannot be corrected'
            : 'identifies the entry it refers to and cannot be corrected; retract it and record it again',
      });
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

export function decideRetraction(
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
