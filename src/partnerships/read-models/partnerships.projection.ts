// The partnerships projection: one checkpointed consumer of the log that keeps every read model of
// the partnerships (status, timeline, aid ledger, calendar, OParl, obligations). One projection, so one checkpoint covers
// them all and a status row's version says how far the others are too. Each read model contributes
// a step; a batch runs them in order inside one transaction.
import type { ProjectionDefinition } from '../../event-store/projections.js';
import { isEventType } from '../domain/index.js';
import { applyAidLedger } from './aid-ledger/aid-ledger.step.js';
import { applyCalendar } from './calendar/calendar.step.js';
import { applyObligations } from './obligations/obligations.step.js';
import { applyOParl } from './oparl/oparl.step.js';
import { applyStatus } from './status/status.step.js';
import { applyTimeline } from './timeline/timeline.step.js';
import type { PartnershipsBatch } from './batch.js';
import { openEvents } from '../../privacy/sealing.js';

const PARTNERSHIPS_PROJECTION = 'partnerships';

export const partnershipsProjection: ProjectionDefinition = {
  name: PARTNERSHIPS_PROJECTION,
  tables: [
    'partnership_status',
    'partnership_status_history',
    'timeline_entries',
    'aid_ledger',
    'calendar_items',
    'oparl_objects',
    'obligations',
  ],
  // The steps' own reads: the status refold (by partnership and fold date), the retraction lookup
  // (by partnership), the OParl step (timeline by type, its own table by type). Primary keys aside,
  // every other index serves readers only and a rebuild builds it after the load.
  applyIndexes: {
    timeline_entries: ['btree (partnership_id, fold_date, stream_version)', 'btree (type, sort_date)'],
    oparl_objects: ['btree (type, id)'],
  },
  async apply(events, ctx) {
    // Read rows hold personal values decrypted; an erasure rebuilds them (docs/privacy.md).
    const partnershipEvents = events.filter((e) => isEventType(e.type));
    const relevant = await openEvents(ctx.client, partnershipEvents);
    if (!relevant.length) return;
    const batch: PartnershipsBatch = { events: relevant, ctx, changedEntries: [] };
    // openEvents hands back the very same object when there was nothing to open.
    if (ctx.bulk) batch.asStored = new Map(relevant.filter((e, i) => e === partnershipEvents[i]).map((e) => [e.eventId, e.globalPosition]));
    batch.changedEntries = await applyTimeline(batch);
    await applyStatus(batch);
    await applyAidLedger(batch);
    await applyCalendar(batch);
    await applyOParl(batch);
    await applyObligations(batch);
  },
};
