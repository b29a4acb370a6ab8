// The soak's own parts, so a soak that passes means something: its proxy really drops a reply after
// the server committed, its command check really finds a lost and a duplicated command, and its
// summary fails on them. The whole soak runs in .ci/run (npm run soak).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { checkCommands } from '../../scripts/soak/checks.js';
import { CommitDropProxy } from '../../scripts/soak/cluster.js';
import type { Command, Load } from '../../scripts/soak/load.js';
import { summarise } from '../../scripts/soak/summary.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

it('the proxy swallows the reply to a statement that committed, and cuts the connection', async () => {
  await db.pool.query('CREATE TABLE soak_marks (n int)');
  const proxy = new CommitDropProxy(() => Number(new URL(db.url).port || 5432));
  await proxy.start();
  const url = new URL(db.url);
  url.port = String(proxy.port);
  const client = new pg.Client({ connectionString: url.toString() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT 1'); // passes while unarmed
    const dropped = proxy.drop('soak_marks', 10_000);
    await expect(client.query('INSERT INTO soak_marks VALUES (1)')).rejects.toThrow();
    expect(await dropped).toBe(true);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM soak_marks');
    expect(rows[0].n).toBe(1); // the server ran it; the client never heard
  } finally {
    await client.end().catch(() => undefined);
    await proxy.stop();
  }
});

const command = (key: string, partnershipId: string, eventIds: string[] | null): Command => ({
  key,
  path: `/api/v1/partnerships/${partnershipId}/notes`,
  body: {},
  partnershipId,
  eventIds,
  attempts: 1,
  lastTriedAt: 0,
});

it('the command check finds lost, duplicated, unanswered and stored-without-answer commands', async () => {
  const store = new PostgresEventStore(db.pool);
  const stream = `soak-check-${randomUUID()}`;
  const append = async (key: string) => {
    const r = await store.append(stream, [{ type: 'NoteAdded', data: { text: key }, metadata: { idempotencyKey: key } }]);
    return r.events[0]!.eventId;
  };
  try {
    const ok = await append('soak-ok');
    const twiceA = await append('soak-twice');
    await append('soak-twice');
    await append('soak-unanswered-but-stored');
    const commands = [
      command('soak-ok', stream, [ok]),
      command('soak-twice', stream, [twiceA]),
      command('soak-lost', stream, [randomUUID()]),
      command('soak-unanswered-but-stored', stream, null),
      command('soak-unanswered', stream, null),
    ];
    const c = await checkCommands(db.pool, commands);
    expect(c).toEqual({ sent: 5, acknowledged: 3, unresolved: 2, lost: 1, duplicated: 1, storedWithoutAnswer: 1 });

    const load = {
      commands,
      tallies: {
        statuses: new Map(),
        reasons503: new Map(),
        serverErrors: [],
        unexpected: [],
        reads: 0,
        publicPages: 0,
        reportsUnknown: 0,
      },
    } as unknown as Load;
    const base = {
      minutes: 1,
      loadSeconds: 60,
      kinds: [],
      reports: { requested: 0, completed: 0, lost: 0, failed: 0, filesMissingOrExtra: 0, system: 0 },
      projections: { live: 'a', rebuilt: 'a', equal: true },
      verify: { ok: true, text: 'RESULT: intact' },
      faults: [],
      load,
    };
    const failed = summarise({ ...base, commands: c });
    expect(failed.ok).toBe(false);
    expect(failed.text).toContain('1 acknowledged commands lost');
    expect(failed.text).toContain('1 commands stored more than once');
    const clean = summarise({ ...base, commands: { ...c, lost: 0, duplicated: 0, unresolved: 0 } });
    expect(clean.ok).toBe(true);
    expect(
      summarise({
        ...base,
        commands: { ...c, lost: 0, duplicated: 0, unresolved: 0 },
        projections: { live: 'a', rebuilt: 'b', equal: false },
      }).ok,
    ).toBe(false);
  } finally {
    store.close();
  }
});
