import { EventEmitter } from 'node:events';
import pg from 'pg';
import {
  AppendOutcomeUnknownError,
  ConcurrencyError,
  EventStoreInputError,
  IdempotencyConflictError,
  StreamContentionError,
} from './errors.js';
import type { AppendResult, Checkpoint, ExpectedVersion, NewEvent, ReadStreamOptions, StoredEvent } from './types.js';
import { withTransaction } from './transaction.js';
import { eventHash, NotReproducible } from './canonical.js';
import { newEventId } from './event-ids.js';
import { assertStreamId, expectedToSql, prepareEvents, type PreparedEvent } from './validation.js';

export const EVENTS_CHANNEL = 'partnership_ledger_events';
const COLUMNS = `event_id, stream_id, stream_version, global_position, transaction_id::text AS transaction_id, type,
  schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash`;

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  /** Append inside the caller's transaction (e.g. to write an inline projection atomically). */
  client?: pg.ClientBase;
}

type Queryable = pg.Pool | pg.ClientBase;

const OUTCOME_RETRY_MS = 200;
const HEAD_CACHE_SIZE = 10_000;

/** The last event of a stream as the append needs it: its version, hash and recording time. */
interface Head {
  version: number;
  hash: string | null;
  recordedAtMs: number;
}
const EMPTY_HEAD: Head = Object.freeze({ version: 0, hash: null, recordedAtMs: 0 });
const toHead = (row: pg.QueryResultRow): Head => ({ version: row.stream_version, hash: row.hash, recordedAtMs: row.recorded_at.getTime() });
const HEAD_SQL = 'SELECT stream_version, hash, recorded_at FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1';
const HEADS_SQL = `SELECT s.stream_id, h.stream_version, h.hash, h.recorded_at FROM unnest($1::text[]) AS s(stream_id)
  CROSS JOIN LATERAL (SELECT stream_version, hash, recorded_at FROM events e WHERE e.stream_id = s.stream_id
                       ORDER BY stream_version DESC LIMIT 1) h`;

/** What an append sends: rows numbered and hashed here, or (rarely) a call of append_events(). */
type PlannedAppend =
  | {
      kind: 'rows';
      /** the events' columns (COLUMNS_IN), a row each */
      rows: unknown[][];
      /** the head the rows build on: its version and hash */
      guard: [number, string | null];
      /** the stream's head once the rows commit */
      head: Head;
    }
  | { kind: 'function'; query: pg.QueryConfig };

/** The stream is not at the expected version (the store's form of append_events()' PL412). */
class ExpectationFailed extends Error {
  constructor(readonly actual: number) {
    super('wrong expected version');
  }
}

function satisfies(expected: ExpectedVersion, version: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return version === 0;
  if (expected === 'stream_exists') return version > 0;
  return version === expected;
}

type Statement = { name?: string; text: string };
const STATEMENTS = new Map<string, Statement>();
const ROW_TYPES = 'uuid text integer text integer jsonb jsonb timestamptz timestamptz text text'.split(' ');
const GUARD_TYPES = ['integer', 'text'];
const COLUMNS_IN = 'event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash';
const VALUES_OUT =
  'v.event_id, v.stream_id, v.stream_version, v.type, v.schema_version, v.data, v.metadata, v.occurred_at, v.recorded_at, v.prev_hash, v.hash';
// recorded_at is not returned: the store chose it (planAppend) and adds it to the rows (withRecordedAt).
const RETURNING = 'RETURNING event_id, stream_id, stream_version, global_position, transaction_id::text AS transaction_id';

const withRecordedAt = (rows: pg.QueryResultRow[], ms: number) => {
  for (const r of rows) r.recorded_at = new Date(ms);
  return rows;
};

/**
 * The INSERT of `count` rows. An append's rows go in only if its stream's last event is still the
 * head they build on (one backward index probe per append, as append_events() makes); a new stream
 * (head version 0) is guarded by the unique version 1. One append: eleven values a row and the head
 * once, at the end. Several: thirteen a row, each append's head on its first row (nulls on the
 * others), and the appends told apart by stream. Counts up to 100 are prepared once per connection
 * (PostgreSQL replans them when the table's statistics change).
 */
function insertStatement(count: number, appends: 'one' | 'several'): Statement {
  const key = `${appends}_${count}`;
  let statement = STATEMENTS.get(key);
  if (statement) return statement;
  const types = appends === 'one' ? ROW_TYPES : [...ROW_TYPES, ...GUARD_TYPES];
  const values = Array.from({ length: count }, (_, i) => `(${types.map((t, k) => `$${1 + i * types.length + k}::${t}`).join(', ')})`);
  const head = count * types.length;
  const text =
    appends === 'one'
      ? `INSERT INTO events (${COLUMNS_IN}) SELECT ${VALUES_OUT} FROM (VALUES ${values.join(', ')}) AS v(${COLUMNS_IN})
          WHERE $${head + 1}::integer = 0
             OR (SELECT e.hash FROM events e WHERE e.stream_id = $2 ORDER BY e.stream_version DESC LIMIT 1) = $${head + 2}::text
         ${RETURNING}`
      : `WITH v(${COLUMNS_IN}, head_version, head_hash) AS (VALUES ${values.join(', ')}),
         ok AS (SELECT v.stream_id FROM v WHERE v.head_version IS NOT NULL AND (v.head_version = 0
                  OR (SELECT e.hash FROM events e WHERE e.stream_id = v.stream_id ORDER BY e.stream_version DESC LIMIT 1) = v.head_hash))
         INSERT INTO events (${COLUMNS_IN}) SELECT ${VALUES_OUT} FROM v JOIN ok ON ok.stream_id = v.stream_id
         ${RETURNING}`;
  if (count > 100) return { text };
  statement = { name: `append_events_${key}`, text };
  STATEMENTS.set(key, statement);
  return statement;
}

type RowsToInsert = { rows: unknown[][]; guard: [number, string | null] };
const NO_GUARD = [null, null];

const insertQuery = (appends: RowsToInsert[]): pg.QueryConfig => {
  const count = appends.reduce((n, a) => n + a.rows.length, 0);
  const values: unknown[] = [];
  if (appends.length === 1) {
    for (const row of appends[0].rows) values.push(...row);
    values.push(...appends[0].guard);
  } else {
    for (const a of appends) a.rows.forEach((row, i) => values.push(...row, ...(i === 0 ? a.guard : NO_GUARD)));
  }
  return { ...insertStatement(count, appends.length === 1 ? 'one' : 'several'), values };
};

/** At most this many rows in one statement of coalesced appends (13 values each, under pg's 65,535). */
const MAX_BATCH_ROWS = 1000;
/** Appends of at least this many events neither wait for a slot nor share a statement. */
const OWN_STATEMENT_ROWS = 20;

/** Errors one append's rows can cause for a whole coalesced statement: each append is then sent alone. */
const perAppendError = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  // 40P01: two statements inserting the same streams' next versions in another order.
  return typeof code === 'string' && (code === '23505' || code === '40P01' || code.startsWith('22'));
};

/** The connection broke after the statement was sent: whether it ran is unknown. */
class StatementLost extends Error {
  constructor(
    readonly backendPid: number | null,
    options: { cause: unknown },
  ) {
    super('the connection broke after the statement was sent', options);
  }
}

/** An append planned for a statement: its rows, the head they build on, the head they make. */
type Planned = RowsToInsert & { item: PendingAppend; head: Head };

interface PendingAppend {
  streamId: string;
  prepared: PreparedEvent[];
  expected: ExpectedVersion;
  /** after a failed attempt: read the head from the database, not from memory */
  fresh: boolean;
  resolve: (rows: pg.QueryResultRow[]) => void;
  reject: (err: unknown) => void;
  /** gives up waiting for a statement slot, as pg-pool gives up waiting for a connection */
  timer?: NodeJS.Timeout;
}

/**
 * An append's rows, numbered and hashed here on the stream's head (see canonical.ts), or a call of
 * append_events() for values whose jsonb text cannot be reproduced here (the database hashes them).
 */
function planAppend(streamId: string, prepared: PreparedEvent[], expected: ExpectedVersion, head: Head): PlannedAppend {
  if (!satisfies(expected, head.version)) throw new ExpectationFailed(head.version);
  const recordedAtMs = Math.max(Date.now(), head.recordedAtMs);
  const recordedAt = new Date(recordedAtMs).toISOString();
  const rows: unknown[][] = [];
  let prev = head.hash;
  let version = head.version;
  try {
    for (const e of prepared) {
      version++;
      const occurredAtMs = e.occurred_at === null ? null : Date.parse(e.occurred_at);
      const hash = eventHash(prev, {
        streamId,
        version,
        eventId: e.event_id,
        type: e.type,
        schemaVersion: e.schema_version,
        data: e.data,
        metadata: e.metadata,
        occurredAtMs,
        recordedAtMs,
      });
      const data = JSON.stringify(e.data);
      const metadata = JSON.stringify(e.metadata);
      rows.push([e.event_id, streamId, version, e.type, e.schema_version, data, metadata, e.occurred_at, recordedAt, prev, hash]);
      prev = hash;
    }
  } catch (err) {
    if (!(err instanceof NotReproducible)) throw err;
    const text =
      'SELECT event_id, stream_version, global_position, transaction_id::text AS transaction_id, recorded_at FROM append_events($1, $2, $3::jsonb)';
    return {
      kind: 'function',
      query: { name: 'append_events', text, values: [streamId, expectedToSql(expected), JSON.stringify(prepared)] },
    };
  }
  return { kind: 'rows', rows, guard: [head.version, head.hash], head: { version, hash: prev, recordedAtMs } };
}

/**
 * True when the connection broke after the statement was handed to it, so the server may have run
 * (and committed) it. A server ERROR rolled the statement back; FATAL and PANIC end the session at
 * an unknown point; a failure without a server answer leaves it open, unless pg refused to send.
 */
function sentAndLost(err: unknown): boolean {
  const e = err as { severity?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.severity === 'string') return e.severity !== 'ERROR';
  return !/not queryable/i.test(typeof e.message === 'string' ? e.message : '');
}

/** The server process of a connection (pg keeps it from the startup handshake but does not type it). */
function backendPid(client: pg.PoolClient): number | null {
  return (client as unknown as { processID?: number | null }).processID ?? null;
}

function isQueryable(client: pg.PoolClient): boolean {
  return (client as unknown as { _queryable?: boolean })._queryable !== false;
}

function toStoredEvent(row: pg.QueryResultRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toAppendResult(streamId: string, rows: pg.QueryResultRow[], duplicate: boolean): AppendResult {
  return {
    streamId,
    nextVersion: rows[rows.length - 1].stream_version,
    events: rows.map((r) => ({
      eventId: r.event_id,
      streamVersion: r.stream_version,
      globalPosition: Number(r.global_position),
      recordedAt: r.recorded_at,
    })),
    transactionId: rows[0].transaction_id,
    duplicate,
  };
}

/**
 * Gap-safe global order: only transactions older than every transaction still running are read, so
 * an event that commits late with a lower position is never skipped. ORDER BY names the table's
 * columns: the bare name would sort by the text alias in the select list (wrong past a digit
 * boundary of transaction ids, and unable to use the index).
 */
export const READ_ALL_SQL = `SELECT ${COLUMNS} FROM events
  WHERE (events.transaction_id, events.global_position) > ($1::xid8, $2::bigint)
    AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, events.global_position LIMIT $3`;

/**
 * The PostgreSQL event store. Hand-written SQL throughout: append is the hottest path in the
 * service and sends one guarded INSERT of rows hashed here (see insertStatement and canonical.ts).
 */
export class PostgresEventStore {
  /** Emits 'appended' after a commit in this process, so local subscribers wake without a round trip. */
  readonly local = new EventEmitter();
  private notifyTimer: NodeJS.Timeout | null = null;
  /** Heads of recently appended or read streams (LRU); a hint the append's guard checks, never trusted alone. */
  private readonly heads = new Map<string, Head>();
  private closed = false;
  /** Appends waiting for a statement slot; concurrent ones to different streams share one statement. */
  private readonly pending: PendingAppend[] = [];
  private sending = 0;

  constructor(
    readonly pool: pg.Pool,
    private readonly options: {
      notifyDelayMs?: number;
      outcomeLookupMs?: number;
      /**
       * Statements of small appends in flight at once (default 2); appends beyond them wait and go
       * together, sharing one commit. Few slots measured best on 2 cores: see the README's Performance.
       */
      appendConcurrency?: number;
    } = {},
  ) {
    this.local.setMaxListeners(0);
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    assertStreamId(streamId);
    const expectedVersion = options.expectedVersion ?? 'any';
    expectedToSql(expectedVersion);
    const prepared = prepareEvents(events, newEventId);
    for (let attempt = 1; ; attempt++) {
      let rows: pg.QueryResultRow[];
      try {
        if (options.client) {
          // Inside a caller's transaction a broken connection means no commit: the caller knows nothing was written.
          const head = await this.headOf(streamId, expectedVersion, options.client, attempt > 1);
          const planned = planAppend(streamId, prepared, expectedVersion, head);
          rows =
            planned.kind === 'rows'
              ? withRecordedAt((await options.client.query(insertQuery([planned]))).rows, planned.head.recordedAtMs)
              : (await options.client.query(planned.query)).rows;
        } else rows = await this.submit({ streamId, prepared, expected: expectedVersion, fresh: attempt > 1 });
      } catch (err) {
        this.heads.delete(streamId);
        if (err instanceof AppendOutcomeUnknownError) throw err;
        const code = err instanceof ExpectationFailed ? 'PL412' : (err as { code?: string }).code;
        if (code !== 'PL412' && code !== '23505') throw this.translate(err);
        // Off the hot path: was it a retry of events already stored, a reused id, or a lost race?
        const earlier = await this.findStored(streamId, JSON.stringify(prepared), prepared.length);
        if (earlier) return earlier;
        const positionFree = expectedVersion === 'any' || (expectedVersion === 'stream_exists' && code === '23505');
        // Inside a caller's transaction the error has aborted it: only the caller can retry.
        if (positionFree && !options.client && attempt < 50) continue;
        if (positionFree && attempt >= 50) throw new StreamContentionError(streamId);
        const actual =
          err instanceof ExpectationFailed
            ? err.actual
            : code === 'PL412'
              ? Number((err as { detail?: string }).detail)
              : await this.streamVersion(streamId);
        throw new ConcurrencyError(streamId, expectedVersion, actual);
      }
      if (rows.length === 0) {
        // The stream's head is not the one this plan built on (another writer, or a vanished event): ask again.
        this.heads.delete(streamId);
        if (attempt < 50) continue;
        throw new StreamContentionError(streamId);
      }
      rows.sort((a, b) => a.stream_version - b.stream_version);
      const result = toAppendResult(streamId, rows, false);
      // Inside a caller's transaction the events are not visible yet; the caller signals after commit.
      if (options.client) this.heads.delete(streamId);
      else this.signalAppended();
      return result;
    }
  }

  /** The head to build on: remembered (if it fits the expectation; a stale one may be why not), else read. */
  private async headOf(streamId: string, expected: ExpectedVersion, db: Queryable, fresh: boolean): Promise<Head> {
    return this.rememberedHead(streamId, expected, fresh) ?? (await this.readHead(streamId, db));
  }

  private rememberedHead(streamId: string, expected: ExpectedVersion, fresh: boolean): Head | undefined {
    const head = fresh ? undefined : this.heads.get(streamId);
    return head && satisfies(expected, head.version) ? head : undefined;
  }

  /** The heads of several streams in one round trip (one backward index probe each). */
  private async readHeads(streamIds: string[]): Promise<Map<string, Head>> {
    const { rows } = await this.pool.query({ name: 'stream_heads', text: HEADS_SQL, values: [streamIds] });
    return new Map(rows.map((r) => [r.stream_id, toHead(r)]));
  }

  private async readHead(streamId: string, db: Queryable): Promise<Head> {
    const { rows } = await db.query({ name: 'stream_head', text: HEAD_SQL, values: [streamId] });
    return rows[0] ? toHead(rows[0]) : EMPTY_HEAD;
  }

  private remember(streamId: string, head: Head): void {
    this.heads.delete(streamId); // re-insert: Map order is the LRU order
    this.heads.set(streamId, head);
    if (this.heads.size > HEAD_CACHE_SIZE) this.heads.delete(this.heads.keys().next().value!);
  }

  /**
   * Sends an append's rows when a statement slot is free. Appends that arrive while every slot is
   * busy wait, and go together in the next statement (one per stream), so many writers share one
   * round trip and one commit instead of queueing for their own: group commit in the store. Each
   * append keeps its own guard, result and error.
   */
  private submit(item: Omit<PendingAppend, 'resolve' | 'reject'>): Promise<pg.QueryResultRow[]> {
    return new Promise((resolve, reject) => {
      const pending: PendingAppend = { ...item, resolve, reject };
      this.pending.push(pending);
      this.flush();
      const waitMs = (this.pool.options as { connectionTimeoutMillis?: number }).connectionTimeoutMillis ?? 0;
      // Only an append left waiting for a slot needs the timer (most go at once); flush only removes,
      // so one still queued is still last.
      if (waitMs > 0 && this.pending.at(-1) === pending)
        pending.timer = setTimeout(() => {
          const at = this.pending.indexOf(pending);
          if (at < 0) return;
          this.pending.splice(at, 1);
          // The slots stand for connections (every one held by a statement that does not end, e.g. on a
          // lock): the same answer as pg-pool's, so callers see the pool as exhausted (availability.ts).
          reject(new Error('timeout exceeded when trying to connect: every append statement slot stayed busy'));
        }, waitMs).unref();
    });
  }

  private flush(): void {
    // A large append's cost is its rows, not its commit: it goes at once, in a statement of its own.
    for (let i = 0; i < this.pending.length;) {
      if (this.pending[i].prepared.length >= OWN_STATEMENT_ROWS) this.dispatch(this.pending.splice(i, 1), false);
      else i++;
    }
    while (this.sending < (this.options.appendConcurrency ?? 2) && this.pending.length > 0) {
      const batch: PendingAppend[] = [];
      const streams = new Set<string>();
      let rows = 0;
      for (let i = 0; i < this.pending.length;) {
        const next = this.pending[i];
        // Two appends to one stream would build on the same head: the later waits for the next statement.
        if (streams.has(next.streamId) || (batch.length > 0 && rows + next.prepared.length > MAX_BATCH_ROWS)) {
          i++;
          continue;
        }
        streams.add(next.streamId);
        rows += next.prepared.length;
        batch.push(next);
        this.pending.splice(i, 1);
      }
      this.dispatch(batch, true);
    }
  }

  private dispatch(batch: PendingAppend[], inSlot: boolean): void {
    for (const p of batch) clearTimeout(p.timer);
    // One order of streams in every statement, so two statements wait on each other's keys in one direction.
    batch.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    if (inSlot) this.sending++;
    void this.send(batch).finally(() => {
      if (inSlot) this.sending--;
      this.flush();
    });
  }

  /**
   * Plans the appends of one statement on their streams' heads as this process knows them when the
   * statement goes (the heads of earlier statements' appends included), reading unknown heads in
   * one round trip, then inserts them together.
   */
  private async send(batch: PendingAppend[]): Promise<void> {
    const planned: Planned[] = [];
    try {
      const unknown = batch.filter((p) => !this.rememberedHead(p.streamId, p.expected, p.fresh)).map((p) => p.streamId);
      const read = unknown.length ? await this.readHeads(unknown) : new Map<string, Head>();
      for (const item of batch) {
        try {
          const head = this.rememberedHead(item.streamId, item.expected, item.fresh) ?? read.get(item.streamId) ?? EMPTY_HEAD;
          const plan = planAppend(item.streamId, item.prepared, item.expected, head);
          if (plan.kind === 'rows') planned.push({ item, ...plan });
          else item.resolve(await this.appendOnce(plan.query, item.streamId, item.prepared));
        } catch (err) {
          item.reject(err);
        }
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    if (planned.length) await this.insertTogether(planned);
  }

  private async insertTogether(planned: Planned[]): Promise<void> {
    try {
      const rows = await this.onConnection(insertQuery(planned));
      for (const { item, head } of planned) {
        const mine = withRecordedAt(
          rows.filter((r) => r.stream_id === item.streamId),
          head.recordedAtMs,
        );
        if (mine.length) this.remember(item.streamId, head);
        else this.heads.delete(item.streamId);
        item.resolve(mine);
      }
    } catch (err) {
      for (const { item } of planned) this.heads.delete(item.streamId);
      if (err instanceof StatementLost) {
        for (const { item } of planned) item.reject(this.outcomeUnknown(item.streamId, item.prepared, err));
      } else if (planned.length > 1 && perAppendError(err)) {
        // One append's conflict or value failed the statement for all: each goes alone, to get its own answer.
        for (const p of planned) await this.insertTogether([p]);
      } else {
        for (const { item } of planned) item.reject(err);
      }
    }
  }

  /**
   * One statement on a connection of its own, so a failure can be told apart: one before the
   * statement was sent (nothing written), a statement error (rolled back), or a connection that
   * broke while the statement was on its way or running (StatementLost: outcome unknown).
   */
  private async onConnection(query: pg.QueryConfig): Promise<pg.QueryResultRow[]> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query(query);
      client.release();
      return rows;
    } catch (err) {
      const lost = sentAndLost(err);
      // A statement error leaves the session usable; a broken one is discarded.
      client.release(lost || !isQueryable(client) ? (err as Error) : undefined);
      throw lost ? new StatementLost(backendPid(client), { cause: err }) : err;
    }
  }

  private async appendOnce(query: pg.QueryConfig, streamId: string, prepared: PreparedEvent[]): Promise<pg.QueryResultRow[]> {
    try {
      return await this.onConnection(query);
    } catch (err) {
      throw err instanceof StatementLost ? this.outcomeUnknown(streamId, prepared, err) : err;
    }
  }

  private outcomeUnknown(streamId: string, prepared: PreparedEvent[], lost: StatementLost): AppendOutcomeUnknownError {
    const ids = prepared.map((e) => e.event_id);
    return new AppendOutcomeUnknownError(streamId, ids, lost.backendPid, JSON.stringify(prepared), { cause: lost.cause });
  }

  /**
   * What became of an append whose connection broke (AppendOutcomeUnknownError): looks its event
   * ids up on a fresh connection once the server process that ran it is gone (ending it if it still
   * runs, so it cannot commit after the lookup). 'written' with the stored events, 'not_written',
   * or 'unknown' when the database stayed out of reach for `withinMs`. Other content under these
   * ids (a reused id) is an IdempotencyConflictError, as it would have been on append.
   */
  async outcomeOf(
    lost: AppendOutcomeUnknownError,
    withinMs = this.options.outcomeLookupMs ?? 3000,
  ): Promise<{ status: 'written'; result: AppendResult } | { status: 'not_written' } | { status: 'unknown'; cause: unknown }> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      let stored: AppendResult | null;
      try {
        stored = await this.lookUp(lost, deadline);
      } catch (err) {
        if (err instanceof IdempotencyConflictError) throw err;
        if (Date.now() + OUTCOME_RETRY_MS > deadline) return { status: 'unknown', cause: err };
        await new Promise((r) => setTimeout(r, OUTCOME_RETRY_MS));
        continue;
      }
      if (!stored) return { status: 'not_written' };
      this.signalAppended();
      return { status: 'written', result: { ...stored, duplicate: false } };
    }
  }

  private async lookUp(lost: AppendOutcomeUnknownError, deadline: number): Promise<AppendResult | null> {
    const client = await this.pool.connect();
    let stored: AppendResult | null;
    try {
      if (lost.backendPid !== null) await this.awaitBackendGone(client, lost.backendPid, deadline);
      stored = await this.findStored(lost.streamId, lost.payload, lost.eventIds.length, client);
    } catch (err) {
      client.release(err instanceof IdempotencyConflictError ? undefined : (err as Error));
      throw err;
    }
    client.release();
    return stored;
  }

  /** Waits until a server process is gone, ending it first; throws if it outlives the deadline. */
  private async awaitBackendGone(client: pg.PoolClient, pid: number, deadline: number): Promise<void> {
    // pid <> own pid: a process id can be reused, never by the session asking.
    const alive = `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND pid <> pg_backend_pid() AND datname = current_database()`;
    const { rowCount } = await client.query(alive, [pid]);
    if (!rowCount) return;
    await client.query('SELECT pg_terminate_backend($1)', [pid]).catch(() => undefined);
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const again = await client.query(alive, [pid]);
      if (!again.rowCount) return;
      if (Date.now() > deadline) throw new Error(`the server process ${pid} that ran the append is still running`);
    }
  }

  /**
   * The stored originals when every event id is already stored with the same stream, type and
   * data (an idempotent retry: nothing is written); null when none is; a conflict otherwise.
   */
  private async findStored(streamId: string, payload: string, count: number, db: Queryable = this.pool): Promise<AppendResult | null> {
    const { rows } = await db.query(
      `SELECT ev.event_id, ev.stream_version, ev.global_position, ev.transaction_id::text AS transaction_id, ev.recorded_at,
              (ev.stream_id = $2 AND ev.type = n.e->>'type' AND ev.schema_version = (n.e->>'schema_version')::integer
               AND ev.data = n.e->'data') AS same
         FROM jsonb_array_elements($1::jsonb) AS n(e)
         JOIN events ev ON ev.event_id = (n.e->>'event_id')::uuid
        ORDER BY ev.stream_version`,
      [payload, streamId],
    );
    if (rows.length === 0) return null;
    if (rows.length !== count || rows.some((r) => !r.same)) throw new IdempotencyConflictError(streamId);
    return toAppendResult(streamId, rows, true);
  }

  /** Runs fn in one transaction; subscribers are woken only after it commits. */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const value = await withTransaction(this.pool, fn);
    this.signalAppended();
    return value;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}, db: Queryable = this.pool): Promise<StoredEvent[]> {
    assertStreamId(streamId);
    const from = options.fromVersion ?? 1;
    const to = options.toVersion ?? 2_147_483_647;
    const backward = options.direction === 'backward';
    const limit = options.limit ?? null;
    for (const [field, v] of [
      ['fromVersion', from],
      ['toVersion', to],
    ] as const)
      if (!Number.isInteger(v) || v < 0) throw new EventStoreInputError(field, 'must be a non-negative integer');
    if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new EventStoreInputError('limit', 'must be a positive integer');
    const { rows } = await db.query(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3
       ORDER BY stream_version ${backward ? 'DESC' : 'ASC'} LIMIT $4`,
      [streamId, from, to, limit],
    );
    const last = rows[rows.length - 1];
    // A read to the end of the stream saw its head: the next append can build on it without asking.
    if (
      last &&
      db === this.pool &&
      !backward &&
      options.toVersion === undefined &&
      limit === null &&
      (this.heads.get(streamId)?.version ?? 0) <= last.stream_version
    )
      this.remember(streamId, toHead(last));
    return rows.map(toStoredEvent);
  }

  /** One event by id, or null; lets a retried command find what its first attempt wrote. */
  async getEvent(eventId: string, db: Queryable = this.pool): Promise<StoredEvent | null> {
    if (typeof eventId !== 'string' || !/^[0-9a-f-]{36}$/i.test(eventId)) return null;
    const { rows } = await db.query(`SELECT ${COLUMNS} FROM events WHERE event_id = $1`, [eventId]);
    return rows[0] ? toStoredEvent(rows[0]) : null;
  }

  async streamVersion(streamId: string, db: Queryable = this.pool): Promise<number> {
    assertStreamId(streamId);
    const { rows } = await db.query('SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1', [
      streamId,
    ]);
    return rows[0]?.stream_version ?? 0;
  }

  /**
   * Events after `after` in gap-safe global order: only transactions older than every transaction
   * still running are read, so an event that commits late with a lower position is never skipped.
   */
  async readAll(after: Checkpoint, limit = 500, db: Queryable = this.pool): Promise<StoredEvent[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new EventStoreInputError('limit', 'must be 1..100000');
    const { rows } = await db.query({ name: 'read_all', text: READ_ALL_SQL, values: [after.transactionId, after.position, limit] });
    return rows.map(toStoredEvent);
  }

  /** The newest checkpoint a reader could reach now, and how many events lie beyond `after`. */
  async head(after?: Checkpoint, db: Queryable = this.pool): Promise<{ checkpoint: Checkpoint; behind: number | null }> {
    const { rows } = await db.query(
      `SELECT transaction_id::text AS transaction_id, global_position FROM events
        WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
    );
    const checkpoint = rows[0]
      ? { transactionId: rows[0].transaction_id, position: Number(rows[0].global_position) }
      : { transactionId: '0', position: 0 };
    let behind: number | null = null;
    if (after) {
      const r = await db.query(`SELECT count(*)::int AS n FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`, [
        after.transactionId,
        after.position,
      ]);
      behind = r.rows[0].n;
    }
    return { checkpoint, behind };
  }

  /**
   * The position of the newest committed event, whether or not readers can reach it yet (an older
   * open transaction may hold the horizon back). "Wait until a consumer has seen everything recorded
   * so far" waits for this; starting a reader from it would skip events — use head() for that.
   */
  async latestCommitted(db: Queryable = this.pool): Promise<Checkpoint> {
    const { rows } = await db.query(
      `SELECT transaction_id::text AS transaction_id, global_position FROM events
        ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
    );
    return rows[0]
      ? { transactionId: rows[0].transaction_id, position: Number(rows[0].global_position) }
      : { transactionId: '0', position: 0 };
  }

  /** Wakes local subscribers now and other processes (LISTEN) shortly after, coalescing bursts into one NOTIFY. */
  signalAppended(): void {
    this.local.emit('appended');
    if (this.notifyTimer || this.closed) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      if (this.closed) return;
      this.pool.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`).catch(() => undefined);
    }, this.options.notifyDelayMs ?? 5);
    this.notifyTimer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
  }

  private translate(err: unknown): unknown {
    const e = err as { code?: string; detail?: string };
    switch (e?.code) {
      case '22P02':
      case '22023':
        // The driver's message stays in the cause (for the log), out of the reason a client may see.
        return Object.assign(new EventStoreInputError('events', 'holds a value the database cannot store'), { cause: err });
      default:
        return err;
    }
  }
}
