// Reading a partnership as it is now, as it was on a business date, or as the ledger knew it at a
// record time — the one place that decides whether an answer comes from the projection or from
// folding the stream (read-your-writes and as-of reads).
import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsISO8601,
  IsOptional,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PG_POOL } from '../../event-store/event-store.module.js';
import { PostgresEventStore } from '../../event-store/postgres-event-store.js';
import { openEvents } from '../../privacy/sealing.js';
import { ProjectionEngine } from '../../event-store/projections.js';
import type { StoredEvent } from '../../event-store/types.js';
import { isValidBusinessDate, PARTNERSHIP_ID_PATTERN, PartnershipNotFoundError } from '../domain/index.js';
import { partnershipsProjection } from './partnerships.projection.js';

export interface AsOf {
  /** business date YYYY-MM-DD: the status as it was on that day */
  validAt?: string;
  /** record time: the status as the ledger knew it then */
  knownAt?: string;
}

/**
 * The days a query may name: wide enough for any partnership's history and plans, narrow enough
 * that date arithmetic on them (a calendar's end, a day's record time) never leaves the calendar.
 */
const QUERY_DAY_MIN = '1900-01-01';
const QUERY_DAY_MAX = '2199-12-31';
const inQueryRange = (day: string) => day >= QUERY_DAY_MIN && day <= QUERY_DAY_MAX;

@ValidatorConstraint({ name: 'calendarDay' })
export class CalendarDay implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isValidBusinessDate(v) && inQueryRange(v);
  }
  defaultMessage() {
    return `must be a real calendar day written YYYY-MM-DD, from ${QUERY_DAY_MIN} to ${QUERY_DAY_MAX}`;
  }
}

/** A record time (already checked as ISO 8601) on a day within the query range. */
@ValidatorConstraint({ name: 'recordTimeInRange' })
class RecordTimeInRange implements ValidatorConstraintInterface {
  validate(v: unknown) {
    const t = typeof v === 'string' ? Date.parse(v) : NaN;
    return !Number.isNaN(t) && inQueryRange(new Date(t).toISOString().slice(0, 10));
  }
  defaultMessage() {
    return `must be a moment from ${QUERY_DAY_MIN} to ${QUERY_DAY_MAX}`;
  }
}

/** `from` of a range: not after the field named in the constraint (both YYYY-MM-DD, so text order is date order). */
@ValidatorConstraint({ name: 'notAfter' })
export class NotAfter implements ValidatorConstraintInterface {
  validate(v: unknown, args?: ValidationArguments) {
    const other = (args?.object as Record<string, unknown> | undefined)?.[String(args?.constraints[0])];
    return typeof v !== 'string' || typeof other !== 'string' || v <= other;
  }
  defaultMessage(args?: ValidationArguments) {
    const name = String(args?.constraints[0]);
    const other = (args?.object as Record<string, unknown> | undefined)?.[name];
    return `must not be after ${name} (${String(args?.value)} is after ${String(other)})`;
  }
}

/** A path id that cannot name a partnership (other characters, too long) names none: 404 before any query. */
export class PartnershipIdParam implements PipeTransform<string, string> {
  transform(id: string): string {
    if (!PARTNERSHIP_ID_PATTERN.test(id)) throw new PartnershipNotFoundError(id.slice(0, 100));
    return id;
  }
}

/** The message for a partnership id in a query: the same rule as the id given at initiation. */
export const PARTNERSHIP_ID_RULE = 'must be a partnership id: 1–100 letters, digits, ".", "_", "~" or "-", starting with a letter or digit';

export class AsOfQuery implements AsOf {
  @ApiPropertyOptional({ example: '2023-01-15', description: 'Business date: the status as it was on this day.' })
  @IsOptional()
  @Validate(CalendarDay)
  validAt?: string;

  @ApiPropertyOptional({ example: '2023-02-20T12:00:00Z', description: 'Record time: the status as the ledger knew it then.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be an ISO 8601 timestamp, e.g. 2023-02-20T12:00:00Z' })
  @Validate(RecordTimeInRange)
  knownAt?: string;
}

/** The events the ledger had recorded by `knownAt` (corrections and retractions after it left out). */
function knownBy(events: StoredEvent[], knownAt: string): StoredEvent[] {
  const at = new Date(knownAt).getTime();
  return events.filter((e) => e.recordedAt.getTime() <= at);
}

/** The business day a read is about: validAt, else the day of knownAt, else today. */
export function dayOfRead(asOf: AsOf | null | undefined, today: string): string {
  return asOf?.validAt ?? (asOf?.knownAt ? new Date(asOf.knownAt).toISOString().slice(0, 10) : today);
}

/** What a read of one partnership works from: the projection, or its events folded in memory. */
export type Source =
  | { from: 'projection'; asOf: AsOf | null; /** the stream version the projection has applied */ version: number }
  | { from: 'events'; events: StoredEvent[]; asOf: AsOf | null };

@Injectable()
export class PartnershipSource {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Where to answer from. "As the ledger knew it at T" folds the events recorded by T. Anything else
   * — now, or on a business date — reads the projection (its status history holds every date) once it
   * has applied the partnership's latest event (read-your-writes), waiting for it up to
   * READ_YOUR_WRITES_WAIT_MS and folding the stream itself if it is still behind.
   */
  async of(id: string, asOf?: AsOf): Promise<Source> {
    const given = asOf?.validAt || asOf?.knownAt ? asOf : null;
    if (asOf?.knownAt) {
      const events = await openEvents(this.store.pool, await this.store.readStream(id));
      if (!events.length) throw new PartnershipNotFoundError(id);
      return { from: 'events', events: knownBy(events, asOf.knownAt), asOf: given };
    }
    const version = await this.appliedVersion(id);
    if (version !== null) return { from: 'projection', asOf: given, version };
    return { from: 'events', events: await openEvents(this.store.pool, await this.store.readStream(id)), asOf: given };
  }

  /**
   * True once the projection shows the partnership's latest event; nudges the runner and waits up to
   * the configured deadline. Throws PartnershipNotFoundError for a partnership with no events.
   */
  async projectionHasApplied(id: string): Promise<boolean> {
    return (await this.appliedVersion(id)) !== null;
  }

  /** The partnership's stream version once the projection shows it, null if it is still behind after the wait. */
  private async appliedVersion(id: string): Promise<number | null> {
    // Both versions in one round trip (and one snapshot): on every read, the round trips are what costs.
    const { rows } = await this.pool.query(
      `SELECT coalesce((SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1), 0) AS version,
              coalesce((SELECT version FROM partnership_status WHERE partnership_id = $1), 0) AS applied`,
      [id],
    );
    const { version, applied } = rows[0] as { version: number; applied: number };
    if (version === 0) throw new PartnershipNotFoundError(id);
    if (applied >= version) return version;
    const deadline = Date.now() + this.config.READ_YOUR_WRITES_WAIT_MS;
    await this.engine.catchUp(partnershipsProjection, { deadline }).catch(() => undefined);
    while (Date.now() < deadline) {
      if ((await this.rowVersion(id)) >= version) return version;
      await new Promise((r) => setTimeout(r, 15));
    }
    return null;
  }

  private async rowVersion(id: string): Promise<number> {
    const { rows } = await this.pool.query('SELECT version FROM partnership_status WHERE partnership_id = $1', [id]);
    return rows[0]?.version ?? 0;
  }
}
