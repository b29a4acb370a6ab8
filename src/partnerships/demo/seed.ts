// Records the demo story (story.ts) through the same CommandBus path as the API. Each step has a
// fixed Idempotency-Key, so running the seed again records nothing new.
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '../../event-store/event-store.module.js';
import { streamOrganisations } from '../../organisations/acting.js';
import { MILESTONES_AND_AID, setPublicSettings } from '../../public/settings.js';
import type { PartnershipCommand } from '../domain/index.js';
import { ExecutePartnershipCommand, type CommandOutcome } from '../write/command.js';
import { requestFingerprint } from '../write/idempotency.js';
import { toEventData } from '../write/mapping.js';
import { DEMO_PARTNERSHIP_ID, DEMO_STEPS } from './story.js';

const DEMO_ACTOR = 'demo seed';
/** Stands in for an API key id in the derived event ids: fixed, so the ids are the same on every run. */
const SEED_KEY_ID = 'demo-seed';

type StepResult = 'recorded' | 'already recorded' | 'nothing to record';
export interface SeedReport {
  partnershipId: string;
  steps: { key: string; label: string; result: StepResult; outcome: CommandOutcome }[];
  /** events written by this run */
  recorded: number;
}

/** Records the story in the app's event store (idempotently). Returns what each step did. */
export async function seedDemo(app: INestApplicationContext, opts: { log?: (line: string) => void } = {}): Promise<SeedReport> {
  const bus = app.get(CommandBus);
  const correlationId = randomUUID();
  const report: SeedReport = { partnershipId: DEMO_PARTNERSHIP_ID, steps: [], recorded: 0 };
  for (const s of DEMO_STEPS) {
    const scope = `seed ${DEMO_PARTNERSHIP_ID}`;
    const command = { type: s.command, partnershipId: DEMO_PARTNERSHIP_ID, data: toEventData(s.data) } as PartnershipCommand;
    const outcome = await bus.execute(
      new ExecutePartnershipCommand(command, {
        actor: { name: DEMO_ACTOR, role: 'admin', keyId: SEED_KEY_ID },
        requestId: randomUUID(),
        correlationId,
        source: 'seed',
        idempotency: {
          key: `${DEMO_PARTNERSHIP_ID}/${s.key}`,
          scope,
          fingerprint: requestFingerprint('SEED', `${scope}/${s.key}`, s.data),
        },
      }),
    );
    const result: StepResult = outcome.replayed ? 'already recorded' : outcome.events.length ? 'recorded' : 'nothing to record';
    if (result === 'recorded') report.recorded += outcome.events.length;
    report.steps.push({ key: s.key, label: s.label, result, outcome });
    opts.log?.(`${result.padEnd(17)} ${s.label}`);
  }
  // The public pages of the organisation the partnership belongs to: milestones and aid public.
  const pool = app.get<pg.Pool>(PG_POOL);
  const [owner] = await streamOrganisations(pool, DEMO_PARTNERSHIP_ID);
  // The demo's city names its organisation, unless the instance already chose another name.
  await pool.query(`UPDATE organisations SET slug = 'dortmund', name = 'Stadt Dortmund' WHERE id = $1 AND slug = 'default'`, [owner]);
  await setPublicSettings(pool, owner, { enabled: true, defaultPublicKinds: MILESTONES_AND_AID });
  return report;
}
