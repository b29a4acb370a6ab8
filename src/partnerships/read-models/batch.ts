// What one batch of the partnerships projection hands from step to step.
import type { ApplyContext } from '../../event-store/projections.js';
import type { StoredEvent } from '../../event-store/types.js';
import type { TimelineEntry } from './timeline/timeline.types.js';

export interface PartnershipsBatch {
  /** the batch's partnership events, in global order */
  events: StoredEvent[];
  ctx: ApplyContext;
  /** timeline entries the timeline step wrote (new, corrected or retracted), for the steps after it */
  changedEntries: ChangedEntry[];
  /**
   * In a rebuild (ctx.bulk): the batch's events whose data is as stored (nothing to decrypt), by
   * event id with their global position. A step may copy their values from the events table
   * instead of sending them back as JSON.
   */
  asStored?: Map<string, number>;
}

/** A timeline entry a batch wrote, with the business day it takes effect on now and before the batch. */
export interface ChangedEntry extends TimelineEntry {
  foldDate: string;
  /** null for an entry the batch added */
  previousFoldDate: string | null;
}

/** An entry this batch added from an event as stored, not amended: its row's values are the event's own. */
export function copiedFromEvent(batch: Pick<PartnershipsBatch, 'asStored'>, t: ChangedEntry): boolean {
  return !!batch.asStored?.has(t.eventId) && t.previousFoldDate === null && t.corrections.length === 0 && !t.retracted;
}
