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
}

/** A timeline entry a batch wrote, with the business day it takes effect on now and before the batch. */
export interface ChangedEntry extends TimelineEntry {
  foldDate: string;
  /** null for an entry the batch added */
  previousFoldDate: string | null;
}
