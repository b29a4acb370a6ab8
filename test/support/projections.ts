import type { ProjectionEngine } from '../../src/event-store/projections.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';

/** Runs the partnerships projection until it has applied every event (or throws after `tries` rounds). */
export async function caughtUp(engine: ProjectionEngine, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    await engine.catchUp(partnershipsProjection);
    if ((await engine.status(partnershipsProjection.name)).behind === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('projection did not catch up');
}
