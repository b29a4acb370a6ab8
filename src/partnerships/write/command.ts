// The one CommandBus message of the write side: a typed domain command plus who sent it and how it
// must be written. Every route builds one; one handler executes them all.
import { Command } from '@nestjs/cqrs';
import type { PartnershipCommand } from '../domain/index.js';
import type { StreamAccess } from '../../organisations/access.js';

export interface IdempotencyOptions {
  /** the client's Idempotency-Key */
  key: string;
  /** what the key is scoped to besides the API key, e.g. "POST /api/v1/partnerships/x/aid-deliveries" */
  scope: string;
  /** sha256 of the request (method, path, canonical body): a reused key with another request is refused */
  fingerprint: string;
}

/** Who asked, under which ids, and on which conditions: recorded in every event's metadata. */
export interface CommandContext {
  /** the actor recorded on the event: a key's name with the key's id, or a person's `person:<uuid>` */
  actor: { name: string; role?: string; keyId?: string; personId?: string };
  requestId: string;
  correlationId: string;
  /** what caused the command; the request id unless a consumer reacted to an event */
  causationId?: string;
  /** where the command came from, e.g. "api" or "seed" */
  source: string;
  /** From If-Match: write only if the partnership is still at this version (else 412). */
  expectedVersion?: number;
  /** From If-Match: *: write only if the partnership exists (a creation is then refused with 412). */
  mustExist?: boolean;
  idempotency?: IdempotencyOptions;
  /** the organisation the command acts for (default: the instance's first) */
  organisationId?: string;
  /** a partnership's access as the request's guard just read it (else the handler reads it) */
  access?: { partnershipId: string; rows: StreamAccess[] };
}

export interface RecordedEntry {
  eventId: string;
  type: string;
  streamVersion: number;
}

export interface CommandOutcome {
  partnershipId: string;
  /** the stream version after the command (unchanged when nothing was recorded) */
  version: number;
  /** what was recorded; empty when the command changed nothing (e.g. an area that was already there) */
  events: RecordedEntry[];
  /** true when an earlier request with the same Idempotency-Key recorded these events */
  replayed: boolean;
}

export class ExecutePartnershipCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: PartnershipCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}
