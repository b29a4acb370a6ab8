// Crypto-shredding as a property (issue 26): for random histories with personal values (contact
// persons, participants, corrections of them, free text the office treats as personal) and random
// erasures, (a) the ledger verifies, (b) a rebuild equals the live projection, (c) no table, stored
// report or Redis key holds an erased value in the clear, (d) everyone else's values still read.
// Histories run through the real command path of an in-process app; many share one database.
// PROPERTY_RUNS counts histories (npm test: 200; npm run test:properties: 2000).
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import fc from 'fast-check';
import { verifyLedger } from '../../src/event-store/index.js';
import { ProjectionEngine } from '../../src/event-store/projections.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import type { PartnershipCommand } from '../../src/partnerships/domain/index.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { PROJECTIONS } from '../../src/partnerships/read-models/projections.registry.js';
import { ExecutePartnershipCommand } from '../../src/partnerships/write/command.js';
import { toEventData } from '../../src/partnerships/write/mapping.js';
import { eraseSubjects } from '../../src/privacy/erasure.js';
import { currentMasterKey } from '../../src/privacy/master-key.js';
import { forgetPersonalTexts } from '../../src/privacy/settings.js';
import { subjectOfName } from '../../src/privacy/subject-keys.js';
import { createRedis } from '../../src/shared/redis.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { redisKeysHolding, tablesHolding } from '../support/plaintext-scan.js';
import { caughtUp } from '../support/projections.js';
import { PG_POOL } from '../../src/event-store/event-store.module.js';
import type pg from 'pg';
import type { Redis } from 'ioredis';

const HISTORIES = Number(process.env.PROPERTY_RUNS ?? 200);
const PER_RUN = 25;
const SEED = Number(process.env.PROPERTY_SEED ?? 20261226);
const ROLES = ['Office Tester', 'Council Clerk', 'Youth Worker', 'Interpreter', 'Project Lead', 'Volunteer Coordinator'];
const who = fc.nat(ROLES.length - 1);
const some = fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1, maxLength: 3 });

const activity = fc.record({
  participants: some,
  contact: fc.option(who, { nil: undefined }),
  note: fc.boolean(),
  correctedTo: fc.option(some, { nil: undefined }),
});
const history = fc.record({
  contact: fc.option(who, { nil: undefined }),
  activities: fc.array(activity, { maxLength: 2 }),
  joinedContact: fc.option(who, { nil: undefined }),
});
type History = typeof history extends fc.Arbitrary<infer H> ? H : never;

let t: TestApp;
let pool: pg.Pool;
let engine: ProjectionEngine;
let redis: Redis;
let run = 0;

beforeAll(async () => {
  // No workers: the projection is driven here, and no dossier is rendered for each recorded event.
  t = await createTestApp({ env: { WORKERS_ENABLED: 'false', DIGEST_ENABLED: 'false', LEDGER_CHECKPOINT_INTERVAL_MS: '0' } });
  pool = t.app.get(PG_POOL);
  engine = t.app.get(ProjectionEngine);
  await pool.query(`UPDATE organisations SET settings = jsonb_set(settings, '{personalTexts}', '["ActivityHeld.note"]') WHERE id = $1`, [
    INSTANCE_ORGANISATION_ID,
  ]);
  forgetPersonalTexts();
  redis = createRedis(t.config.REDIS_URL);
  await redis.connect();
});
afterAll(async () => {
  redis?.disconnect();
  await t?.close();
});

async function execute(command: PartnershipCommand): Promise<string[]> {
  const out = await t.app.get(CommandBus).execute(
    new ExecutePartnershipCommand(command, {
      actor: { name: 'property test', role: 'office' },
      requestId: randomUUID(),
      correlationId: randomUUID(),
      source: 'test',
    }),
  );
  return out.events.map((e: { eventId: string }) => e.eventId);
}
const cmd = (type: string, partnershipId: string, data: object) => ({ type, partnershipId, data: toEventData(data) }) as PartnershipCommand;

/** What the read model must show for an entry once `erased` are erased. */
interface Expected {
  eventId: string;
  participants?: string[];
  contactPerson?: string;
  note?: string;
}

async function record(h: History, id: string, name: (i: number) => string, erasedLater: (n: string) => boolean): Promise<Expected[]> {
  const shown = (n: string) => (erasedLater(n) ? '[erased]' : n);
  const expected: Expected[] = [];
  const contact = h.contact === undefined ? {} : { contactPerson: name(h.contact) };
  const [initiated] = await execute(
    cmd('InitiatePartnership', id, { occurredOn: '2022', ownMunicipality: { en: 'Dortmund' }, tier: 'initiative', ...contact }),
  );
  expected.push({ eventId: initiated, ...(h.contact === undefined ? {} : { contactPerson: shown(name(h.contact)) }) });
  for (const [i, a] of h.activities.entries()) {
    const people = a.participants.map(name);
    const owner = a.contact !== undefined ? name(a.contact) : people[0];
    const note = `Free text ${id}-${i}`;
    const [eventId] = await execute(
      cmd('RecordActivity', id, {
        occurredOn: `2023-0${i + 1}`,
        title: `Exchange ${i}`,
        participants: people,
        ...(a.contact === undefined ? {} : { contactPerson: name(a.contact) }),
        ...(a.note ? { note } : {}),
      }),
    );
    const now = a.correctedTo ? a.correctedTo.map(name) : people;
    if (a.correctedTo) await execute(cmd('CorrectEntry', id, { eventId, reason: 'Participants changed.', changes: { participants: now } }));
    expected.push({
      eventId,
      participants: now.map(shown),
      ...(a.contact === undefined ? {} : { contactPerson: shown(name(a.contact)) }),
      // free text belongs to the entry's contact person, else to its first participant
      ...(a.note ? { note: erasedLater(owner) ? '[erased]' : note } : {}),
    });
  }
  if (h.joinedContact !== undefined) {
    const [eventId] = await execute(
      cmd('RecordParticipantJoined', id, {
        occurredOn: '2023',
        organisation: 'Youth club',
        participantType: 'civil_society',
        side: 'own',
        contactPerson: name(h.joinedContact),
      }),
    );
    expected.push({ eventId, contactPerson: shown(name(h.joinedContact)) });
  }
  return expected;
}

async function projectionRows(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of partnershipsProjection.tables) {
    const { rows } = await pool.query(`SELECT to_jsonb(x) - 'updated_at' - 'changed_at' AS r FROM ${table} x`);
    out[table] = rows.map((r) => JSON.stringify(r.r)).sort();
  }
  return out;
}

it('erases exactly the erased subjects, and the ledger, the projections and every store agree', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(history, { minLength: PER_RUN, maxLength: PER_RUN }),
      fc.subarray([0, 1, 2, 3, 4, 5]),
      async (histories, erasedIdx) => {
        run++;
        const name = (i: number) => `${ROLES[i]} R${run}`;
        const erasedNames = erasedIdx.map(name);
        const recordedNames = new Set(
          histories.flatMap((h) =>
            [h.contact, h.joinedContact, ...h.activities.flatMap((a) => [a.contact, ...a.participants, ...(a.correctedTo ?? [])])]
              .filter((i): i is number => i !== undefined)
              .map(name),
          ),
        );
        const erasedLater = (n: string) => erasedNames.includes(n) && recordedNames.has(n);
        const expected: Expected[] = [];
        for (const [h, hist] of histories.entries()) expected.push(...(await record(hist, `pp-${run}-${h}`, name, erasedLater)));
        // A stored report that shows every name of this run.
        const reportId = randomUUID();
        await pool.query(
          `INSERT INTO reports (id, type, parameters, status, requested_by, job_id, organisation_id) VALUES ($1, 'office_digest', '{}', 'completed', 'test', $2, '${INSTANCE_ORGANISATION_ID}')`,
          [reportId, `report-${reportId}`],
        );
        const html = `<p>${[...recordedNames].join(', ')}</p>`;
        await pool.query(
          `INSERT INTO report_files (report_id, format, media_type, file_name, content, byte_size, organisation_id) VALUES ($1, 'html', 'text/html', 'r.html', $2, $3, '${INSTANCE_ORGANISATION_ID}')`,
          [reportId, Buffer.from(html), html.length],
        );
        await caughtUp(engine);

        const subjects = (
          await Promise.all(erasedNames.map((n) => subjectOfName(pool, currentMasterKey(), INSTANCE_ORGANISATION_ID, n)))
        ).filter((s): s is string => s !== null);
        expect(subjects).toHaveLength(erasedNames.filter(erasedLater).length);
        if (subjects.length) {
          const out = await eraseSubjects(pool, engine, Object.values(PROJECTIONS), {
            organisationId: INSTANCE_ORGANISATION_ID,
            subjectIds: subjects,
            erasedBy: 'property test',
            reason: 'property',
          });
          expect(out.erasures).toHaveLength(subjects.length);
          expect(out.reportIds).toContain(reportId);
        }

        // (a) the log and its chains are as they were written
        const report = await verifyLedger(pool, { signer: null, trusted: new Map() });
        expect([report.ok, report.brokenStreams]).toEqual([true, []]);

        // (d) every value reads as it should: the erased as erased, everyone else in the clear
        await caughtUp(engine);
        const { rows } = await pool.query(`SELECT event_id, data FROM timeline_entries WHERE event_id = ANY($1::uuid[])`, [
          expected.map((e) => e.eventId),
        ]);
        const byId = new Map(rows.map((r) => [r.event_id, r.data]));
        for (const e of expected) {
          const data = byId.get(e.eventId);
          const shown: Expected = { eventId: e.eventId };
          for (const k of ['participants', 'contactPerson', 'note'] as const) if (data?.[k] !== undefined) (shown as any)[k] = data[k];
          expect(shown).toEqual(e);
        }

        // (b) more history after the erasure, then a rebuild equals the live projection
        const survivor = [0, 1, 2, 3, 4, 5].find((i) => !erasedIdx.includes(i));
        if (survivor !== undefined)
          await record({ contact: survivor, activities: [], joinedContact: undefined }, `pp-${run}-after`, name, () => false);
        await caughtUp(engine);
        const live = await projectionRows();
        await engine.rebuild(partnershipsProjection);
        expect(await projectionRows()).toEqual(live);

        // (c) no erased value in the clear: any table (stored reports included), any Redis key
        for (const n of erasedNames.filter(erasedLater)) {
          expect([n, await tablesHolding(pool, n)]).toEqual([n, []]);
          expect([n, await redisKeysHolding(redis, t.config.REDIS_PREFIX, n)]).toEqual([n, []]);
        }
      },
    ),
    { numRuns: Math.max(1, Math.ceil(HISTORIES / PER_RUN)), seed: SEED, endOnFailure: true },
  );
}, 1_800_000);
