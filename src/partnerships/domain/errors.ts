// Domain errors carry a stable `code` (the API maps it to problem+json) and plain-data `details`.
// Nothing here knows about HTTP: the status mapping lives in the global filter.
import type { BusinessDate, FieldError, RecordedStanding, Tier } from './vocabulary.js';

export type { FieldError };

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly details: Record<string, unknown>;

  protected constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Semantically invalid input the decider found (the API's DTO validation may already catch most). */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  readonly errors: FieldError[];

  constructor(errors: FieldError[], message?: string) {
    super(
      message ??
        (errors.length === 1
          ? `The ${errors[0].field} field is invalid: ${errors[0].reason}.`
          : `${errors.length} fields are invalid: ${errors.map((e) => e.field).join(', ')}.`),
      { errors },
    );
    this.errors = errors;
  }
}

/** Where the partnership stands, so the caller can see why the transition was refused. */
export interface StateSummary {
  tier: Tier | null;
  standing: RecordedStanding | null;
  pendingUpgrade?: Tier;
}

/** The command is well-formed but the partnership's history does not allow it now. */
export class TransitionNotAllowedError extends DomainError {
  readonly code = 'transition_not_allowed';
  readonly state: StateSummary;
  readonly needed: string;

  constructor(message: string, state: StateSummary, needed: string) {
    super(message, { state, needed });
    this.state = state;
    this.needed = needed;
  }
}

export class EntryNotFoundError extends DomainError {
  readonly code = 'entry_not_found';
  readonly eventId: string;

  constructor(eventId: string, partnershipId?: string) {
    super(
      partnershipId
        ? `Partnership ${partnershipId} has no entry ${eventId}; a correction or retraction must point at one of its own entries.`
        : `There is no entry ${eventId} in this partnership's history.`,
      { eventId, partnershipId },
    );
    this.eventId = eventId;
  }
}

export class PartnershipNotFoundError extends DomainError {
  readonly code = 'partnership_not_found';
  readonly partnershipId: string;

  constructor(partnershipId: string, message = `Partnership ${partnershipId} does not exist; initiate it first.`) {
    super(message, { partnershipId });
    this.partnershipId = partnershipId;
  }
}

export class PartnershipAlreadyExistsError extends DomainError {
  readonly code = 'partnership_exists';
  readonly partnershipId: string;

  constructor(partnershipId: string) {
    super(`Partnership ${partnershipId} already exists; a restart is a new partnership that names this one as its predecessor.`, {
      partnershipId,
    });
    this.partnershipId = partnershipId;
  }
}

/** A later entry that a change would make impossible, and why. */
export interface ConflictingEntry {
  eventId: string;
  type: string;
  occurredOn: BusinessDate | null;
  reason: string;
  /** what would make it possible again */
  needed?: string;
}

/**
 * The change is consistent on its own date but contradicts history recorded after it: e.g. a
 * back-dated suspension before aid that was delivered while it would be in force.
 */
export class HistoryConflictError extends DomainError {
  readonly code = 'contradicts_later_entries';
  readonly conflicts: ConflictingEntry[];

  constructor(change: string, conflicts: ConflictingEntry[]) {
    const listed = conflicts
      .slice(0, 5)
      .map((c) => `${c.type} ${c.eventId}${c.occurredOn ? ` (${c.occurredOn.date})` : ''}: ${c.reason}`)
      .join('; ');
    const more = conflicts.length > 5 ? `; and ${conflicts.length - 5} more` : '';
    super(
      `${change} would contradict ${conflicts.length === 1 ? 'an entry' : `${conflicts.length} entries`} recorded after its date — ` +
        `${listed}${more}. Correct or retract ${conflicts.length === 1 ? 'it' : 'them'} first.`,
      { conflicts },
    );
    this.conflicts = conflicts;
  }
}
