// The one write path for every partnership command: load → fold → decide → append(expectedVersion).
import { asSystem } from '../../shared/db-scope.js';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AppendOutcomeUnknownError,
  ConcurrencyError,
  DatabaseUnavailableError,
  databaseUnavailability,
  IdempotencyConflictError,
  newEventId,
  PostgresEventStore,
  type AppendResult,
  type EventMetadata,
  type NewEvent,
} from '../../event-store/index.js';
import { Clock } from '../../shared/clock.js';
import { ApiProblem } from '../../shared/problem.js';
import { inSpan, traceCarrier } from '../../shared/tracing.js';
import {
  businessDateStart,
  decide,
  recordAll,
  initialState,
  PartnershipNotFoundError,
  type BusinessDate,
  OBLIGATION_ENTRY_TYPES,
  type History,
  type PartnershipCommand,
  type PartnershipEvent,
  type RecordedEvent,
  mayHoldPersonal,
} from '../domain/index.js';
import { ExecutePartnershipCommand, type CommandContext, type CommandOutcome, type IdempotencyOptions } from './command.js';
import { toRecorded } from '../recorded.js';
import { accessOfStream, grantOwn, sideIn, type Side, type StreamAccess } from '../../organisations/access.js';
import { OrganisationCounters } from '../../metrics/organisation-counters.js';
import { INSTANCE_ORGANISATION_ID } from '../../organisations/acting.js';
import { assertOwnEntry, assertReceivingSide, assertSideMayRecord, fundingEntryOf } from '../../organisations/sides.js';
import { derivedEventId } from './idempotency.js';
import { openEvents, sealEvents } from '../../privacy/sealing.js';
import { personalTextsOf } from '../../privacy/settings.js';
import { erasureGeneration, PERSONAL_DATA_TRUST_MS } from '../../privacy/subject-keys.js';

/** Without If-Match a lost version race is retried on fresh state; with it the caller asked to fail instead. */
const MAX_ATTEMPTS = 5;

function occurredAt(data: unknown): string | null {
  const on = (data as { occurredOn?: BusinessDate } | null)?.occurredOn;
  return on?.date ? `${businessDateStart(on)}T00:00:00Z` : null;
}

const LOST = {
  reason: 'connection_lost',
  description: 'the connection to the database broke',
  retryAfterSeconds: 1,
  inFlight: true,
} as const;

/** Streams whose history this process keeps (least recently used ones are dropped). */
const STATE_CACHE_SIZE = 1000;

@CommandHandler(ExecutePartnershipCommand)
export class PartnershipCommandHandler implements ICommandHandler<ExecutePartnershipCommand, CommandOutcome> {
  private readonly histories = new Map<string, History>();
  /** when each history was read whole, and the erasure generation it was read in */
  private readonly readAt = new Map<string, { at: number; generation: number }>();

  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(Clock) private readonly clock: Clock,
    // absent where no metrics are served (the worker process)
    @Optional() @Inject(OrganisationCounters) private readonly metrics?: OrganisationCounters,
  ) {}

  execute(message: ExecutePartnershipCommand): Promise<CommandOutcome> {
    const { command } = message;
    return inSpan(
      `command ${command.type}`,
      () => ({ 'partnership.id': command.partnershipId, 'command.type': command.type }),
      () => this.executeCounted(message),
    );
  }

  /** Counts each command by its organisation and outcome, and the events it recorded. */
  private async executeCounted(message: ExecutePartnershipCommand): Promise<CommandOutcome> {
    const organisationId = message.context.organisationId ?? INSTANCE_ORGANISATION_ID;
    try {
      const out = await this.executeOnce(message);
      this.metrics?.countCommand(organisationId, out.replayed ? 'replayed' : 'recorded', out.replayed ? 0 : out.events.length);
      return out;
    } catch (err) {
      const failed = err instanceof AppendOutcomeUnknownError || err instanceof DatabaseUnavailableError;
      this.metrics?.countCommand(organisationId, failed ? 'failed' : 'refused', 0);
      throw err;
    }
  }

  private async executeOnce(message: ExecutePartnershipCommand): Promise<CommandOutcome> {
    try {
      return await this.run(message);
    } catch (err) {
      // Every write of this handler is one append, and a lost append is settled below: a database
      // fault that reaches here happened before anything was recorded.
      if (err instanceof AppendOutcomeUnknownError || err instanceof DatabaseUnavailableError) throw err;
      const unavailable = databaseUnavailability(err);
      if (unavailable) throw new DatabaseUnavailableError(unavailable, true, { cause: err });
      throw err;
    }
  }

  private async run({ command, context }: ExecutePartnershipCommand): Promise<CommandOutcome> {
    const { expectedVersion, idempotency } = context;
    const streamId = command.partnershipId;
    const organisationId = context.organisationId ?? INSTANCE_ORGANISATION_ID;
    // Another organisation's partnership does not exist for this one (404, as for reads).
    const access = await accessOfStream(this.store.pool, streamId);
    const side = sideIn(access, organisationId);
    if (!side && command.type !== 'InitiatePartnership') throw new PartnershipNotFoundError(streamId);
    const idFor = idempotency
      ? (i: number) => derivedEventId(context.actor.keyId ?? context.actor.personId ?? 'anonymous', idempotency.scope, idempotency.key, i)
      : undefined;

    for (let attempt = 1; ; attempt++) {
      if (idFor) {
        const earlier = await this.replay(streamId, idFor, idempotency!);
        if (earlier) return earlier;
      }
      // After a lost race the history is read again; otherwise the cached one is trusted (see decideOn).
      const { state, decided } = await this.decideOn(streamId, command, context, attempt > 1);
      const loaded = state.version;
      if (!side && loaded > 0)
        throw new ApiProblem(409, 'partnership_id_taken', 'Conflict', `The partnership id ${streamId} is taken; choose another.`);
      if (decided.length === 0) return { partnershipId: streamId, version: loaded, events: [], replayed: false };
      await this.checkSide(side ?? 'own', organisationId, decided, state, access);

      const metadata = this.metadata(context, command.type);
      // The ids are chosen here, so that a lost connection can be followed by a look for them.
      const events: NewEvent[] = decided.map((e, i) => ({
        eventId: idFor ? idFor(i) : newEventId(),
        type: e.type,
        data: e.data,
        metadata,
        occurredAt: occurredAt(e.data),
      }));
      try {
        // Personal values are encrypted before the store hashes them (docs/privacy.md).
        const sealed = await this.seal(events, access[0]?.organisationId ?? organisationId);
        // A new partnership is its organisation's from its first event on: both in one transaction.
        const result =
          loaded === 0
            ? await this.store.transaction(async (client) => {
                await grantOwn(client, organisationId, streamId);
                return this.store.append(streamId, sealed, { expectedVersion: loaded, client, organisationId });
              })
            : await this.store.append(streamId, sealed, { expectedVersion: loaded, organisationId });
        if (result.duplicate && idFor) {
          // A concurrent retry with the same key wrote these ids first: answer as it did.
          const earlier = await this.replay(streamId, idFor, idempotency!);
          if (earlier) return earlier;
        }
        if (!result.duplicate) this.extend(streamId, state, events, result);
        return {
          partnershipId: streamId,
          version: result.nextVersion,
          events: result.events.map((r, i) => ({ eventId: r.eventId, type: decided[i].type, streamVersion: r.streamVersion })),
          replayed: result.duplicate,
        };
      } catch (err) {
        if (err instanceof AppendOutcomeUnknownError) {
          const outcome = await this.store.outcomeOf(err);
          if (outcome.status === 'written')
            return {
              partnershipId: streamId,
              version: outcome.result.nextVersion,
              events: outcome.result.events.map((r, i) => ({ eventId: r.eventId, type: decided[i].type, streamVersion: r.streamVersion })),
              replayed: false,
            };
          if (outcome.status === 'unknown') throw err;
          // Known not written (the server process is gone and the ids are not there): try again.
          if (attempt < MAX_ATTEMPTS) continue;
          throw new DatabaseUnavailableError(databaseUnavailability(err.cause) ?? LOST, true, { cause: err });
        }
        if (idFor && (err instanceof ConcurrencyError || err instanceof IdempotencyConflictError)) {
          const earlier = await this.replay(streamId, idFor, idempotency!);
          if (earlier) return earlier;
        }
        if (err instanceof ConcurrencyError) {
          if (expectedVersion !== undefined) throw new ConcurrencyError(streamId, expectedVersion, err.actual);
          if (attempt < MAX_ATTEMPTS) {
            // A little jitter so writers that just collided do not collide again in lockstep.
            await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
            continue;
          }
        }
        throw err;
      }
    }
  }

  /**
   * Loads and decides. The cached history is trusted without a read: a stale one cannot write, as
   * the append's expected version is then behind the stream and the command is retried on a fresh
   * read. Any other answer from a history not read just now (a stale If-Match, a refusal, nothing to
   * record) is checked on a fresh read before it is given, so it never rests on an old cache.
   */
  private async decideOn(
    streamId: string,
    command: PartnershipCommand,
    { expectedVersion, mustExist }: Pick<CommandContext, 'expectedVersion' | 'mustExist'>,
    fresh: boolean,
  ): Promise<{ state: History; decided: PartnershipEvent[] }> {
    const cached = fresh ? undefined : this.cached(streamId);
    const state = cached ?? (await this.load(streamId));
    try {
      // Checked before deciding so a stale If-Match is a 412, not a misleading domain error.
      if (expectedVersion !== undefined && expectedVersion !== state.version)
        throw new ConcurrencyError(streamId, expectedVersion, state.version);
      // RFC 9110: "If-Match: *" asks for a current representation; a partnership not yet created has none.
      if (mustExist && state.version === 0 && command.type === 'InitiatePartnership') {
        throw new ApiProblem(
          412,
          'precondition_failed',
          'Precondition failed',
          `If-Match: * asks that partnership ${streamId} already exists, and it does not. Leave out If-Match to create it.`,
        );
      }
      const decided = decide(command, state, { now: this.clock.now().toISOString() });
      if (decided.length > 0 || !cached) return { state, decided };
    } catch (err) {
      if (!cached) throw err;
    }
    return this.decideOn(streamId, command, { expectedVersion, mustExist }, true);
  }

  /**
   * The partnership's history: the last one this process read, plus the events appended since
   * (events never change, so only the tail is read). The decider folds what it needs; a history
   * carries its business order and latest state forward as it grows.
   */
  private async load(streamId: string): Promise<History> {
    const cached = this.cached(streamId);
    if (!cached) this.readAt.set(streamId, { at: Date.now(), generation: erasureGeneration() });
    const tail = await openEvents(this.store.pool, await this.store.readStream(streamId, { fromVersion: (cached?.version ?? 0) + 1 }));
    const history = tail.length ? recordAll(cached ?? initialState(), tail.map(toRecorded)) : (cached ?? initialState());
    this.cache(streamId, history);
    return history;
  }

  /** Subject keys are the partnership's owner's, so both sides' entries about one person share a key. */
  private async seal(events: NewEvent[], organisationId: string): Promise<NewEvent[]> {
    // Most milestones (an aid delivery, a decision) have no field that could hold personal data.
    if (!events.some((e) => mayHoldPersonal(e.type, e.data))) return events;
    const texts = await personalTextsOf(this.store.pool, organisationId);
    // The partner's side writes into the owner's subject keys, which its own policies do not reach.
    return asSystem(() => sealEvents(this.store.pool, organisationId, events, texts));
  }

  /** The history once this process' own append committed, as a read of the stream would give it. */
  private extend(streamId: string, state: History, events: NewEvent[], result: AppendResult): void {
    if (result.nextVersion !== state.version + events.length) {
      this.histories.delete(streamId);
      return;
    }
    const recorded = events.map((e, i) => ({
      eventId: result.events[i].eventId,
      type: e.type,
      // The stored data is JSON: keys with undefined values are gone when it is read back.
      data: JSON.parse(JSON.stringify(e.data)) as unknown,
      recordedAt: result.events[i].recordedAt.toISOString(),
    }));
    this.cache(streamId, recordAll(state, recorded as RecordedEvent[]));
  }

  /**
   * The cached history, unless it may hold a personal value erased since it was read: a history
   * read before an erasure in this process, or longer ago than a write may trust (docs/privacy.md).
   */
  private cached(streamId: string): History | undefined {
    const read = this.readAt.get(streamId);
    if (read && (read.generation !== erasureGeneration() || Date.now() - read.at > PERSONAL_DATA_TRUST_MS)) {
      this.histories.delete(streamId);
      this.readAt.delete(streamId);
    }
    return this.histories.get(streamId);
  }

  private cache(streamId: string, history: History): void {
    this.histories.delete(streamId); // re-insert: Map order is the LRU order
    if (history.version > 0) this.histories.set(streamId, history);
    if (this.histories.size > STATE_CACHE_SIZE) {
      const oldest = this.histories.keys().next().value!;
      this.histories.delete(oldest);
      this.readAt.delete(oldest);
    }
  }

  /** The outcome of the first request with this key, or null if there was none. */
  private async replay(streamId: string, idFor: (i: number) => string, idempotency: IdempotencyOptions): Promise<CommandOutcome | null> {
    const first = await this.store.getEvent(idFor(0));
    if (!first) return null;
    if (first.streamId !== streamId || first.metadata.requestFingerprint !== idempotency.fingerprint) {
      throw new IdempotencyConflictError(streamId);
    }
    const recorded = [first];
    for (let i = 1; ; i++) {
      const next = await this.store.getEvent(idFor(i));
      if (!next) break;
      recorded.push(next);
    }
    return {
      partnershipId: streamId,
      version: recorded[recorded.length - 1].streamVersion,
      events: recorded.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion })),
      replayed: true,
    };
  }

  /** The partner records its side's milestones only, and neither side changes the other's entries. */
  private async checkSide(
    side: Side,
    organisationId: string,
    decided: PartnershipEvent[],
    history: History,
    access: StreamAccess[],
  ): Promise<void> {
    assertSideMayRecord(
      side,
      decided.map((e) => e.type),
    );
    for (const e of decided) {
      const data = e.data as Record<string, unknown>;
      if (e.type === 'EntryCorrected' || e.type === 'EntryRetracted') {
        assertOwnEntry(organisationId, await this.store.getEvent(data.targetEventId as string));
      } else if (e.type === 'AidReceiptConfirmed') {
        const delivery = await this.store.getEvent(data.deliveryId as string);
        const linked = access.length > 1;
        assertReceivingSide(organisationId, delivery, linked);
      } else if (OBLIGATION_ENTRY_TYPES.has(e.type)) {
        const funding = fundingEntryOf(history, data.obligationId as string);
        if (funding) assertOwnEntry(organisationId, await this.store.getEvent(funding));
      }
    }
  }

  private metadata(ctx: CommandContext, commandType: string): EventMetadata {
    return {
      actor: ctx.actor.name,
      ...(ctx.actor.keyId ? { keyId: ctx.actor.keyId } : {}),
      ...(ctx.actor.role ? { role: ctx.actor.role } : {}),
      source: ctx.source,
      requestId: ctx.requestId,
      correlationId: ctx.correlationId,
      causationId: ctx.causationId ?? ctx.requestId,
      command: commandType,
      ...(ctx.idempotency ? { idempotencyKey: ctx.idempotency.key, requestFingerprint: ctx.idempotency.fingerprint } : {}),
      // Consumers continue the command's trace from here (only while tracing is on).
      ...traceCarrier(),
    };
  }
}
