// What a request could have written, for the suites that check a refused request wrote nothing.
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type pg from 'pg';
import { PG_POOL } from '../../src/event-store/event-store.module.js';
import { REPORTS_QUEUE } from '../../src/reporting/queue.js';
import type { TestApp } from './app.js';

export interface Footprint {
  events: number;
  keys: number;
  /** reports someone asked for */
  reports: number;
  /** reports the dispatcher filed on its own, reacting to events */
  dispatched: number;
  /** report intents in the outbox */
  intents: number;
  /** report jobs in Redis, in any state */
  jobs: number;
}

export async function footprint(t: TestApp): Promise<Footprint> {
  const queue = t.app.get<Queue>(getQueueToken(REPORTS_QUEUE));
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  const { rows } = await t.app.get<pg.Pool>(PG_POOL).query<Omit<Footprint, 'jobs'>>(
    `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM api_keys) AS keys,
            (SELECT count(*)::int FROM reports WHERE requested_by <> 'dispatcher') AS reports,
            (SELECT count(*)::int FROM reports WHERE requested_by = 'dispatcher') AS dispatched,
            (SELECT count(*)::int FROM report_outbox) AS intents`,
  );
  return { ...rows[0], jobs: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/**
 * The part a request writes itself: events, keys and requested reports. What the dispatcher and the
 * relay do meanwhile (dossiers for earlier events, their intents and jobs) is left out.
 */
export async function written(t: TestApp): Promise<Pick<Footprint, 'events' | 'keys' | 'reports'>> {
  const { events, keys, reports } = await footprint(t);
  return { events, keys, reports };
}
