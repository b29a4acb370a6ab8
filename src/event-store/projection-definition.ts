// What a projection is to the engine and to a rebuild: a name, its versioned tables, an apply step.
import pg from 'pg';
import type { PostgresEventStore } from './postgres-event-store.js';
import type { StoredEvent } from './types.js';

export interface ApplyContext {
  client: pg.PoolClient;
  /** The quoted name of this version's table for a base name (e.g. timeline_entries → "timeline_entries_v2"). */
  table(this: void, base: string): string;
  store: PostgresEventStore;
  /**
   * True while a rebuild loads a new version from position zero: nobody reads its tables yet and a
   * crashed rebuild starts over, so steps may take bulk-load paths that must give the same rows.
   */
  bulk?: boolean;
}

export interface ProjectionDefinition {
  name: string;
  /** Base table names; version N lives in `<base>_v<N>`, readers use the view `<base>`. */
  tables: string[];
  /**
   * Per base table, the non-unique indexes `apply` reads through, as pg_get_indexdef prints them
   * after USING (e.g. `btree (partnership_id, fold_date)`). A rebuild loads its new tables with these
   * and the unique ones only, and builds the rest, which only readers use, once after the load.
   */
  applyIndexes?: Record<string, string[]>;
  apply(events: StoredEvent[], ctx: ApplyContext): Promise<void>;
}

export class ProjectionBusyError extends Error {
  readonly code = 'rebuild_in_progress';
}

/** Advisory-lock class of the view switch: live batches take it shared, a rebuild's switch exclusively. */
export const SWITCH_CLASS = 0x5053; // 'PS'

export const ident = (s: string) => pg.escapeIdentifier(s);
export const versioned = (base: string, v: number) => `${base}_v${v}`;
/** The checkpoint (and lock) name of one version of a projection. */
export const consumerName = (name: string, v: number) => `${name}@v${v}`;
/** The version a checkpoint name belongs to. */
export const versionOf = (checkpointName: string) => Number(checkpointName.slice(checkpointName.lastIndexOf('@v') + 2));
