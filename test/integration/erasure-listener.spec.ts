// An erasure made in another process reaches this one's memory: the erasing transaction announces
// the subjects, and the write path here forgets them at once instead of sealing new values under a
// key that no longer exists (which would read as erased) until its trust window ends.
import pg from 'pg';
import { PostgresEventStore, ProjectionEngine } from '../../src/event-store/index.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { ErasureListener, ERASURES_CHANNEL } from '../../src/privacy/erasure-listener.js';
import { eraseSubjects } from '../../src/privacy/erasure.js';
import { openEvents, sealEvents, subjectsIn } from '../../src/privacy/sealing.js';
import { erasureGeneration } from '../../src/privacy/subject-keys.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const activity = (participant: string) => ({
  type: 'ActivityHeld',
  data: { occurredOn: { date: '2024-05', precision: 'month' }, title: 'Exchange', participants: [participant] },
});

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (check()) return true;
  return check();
}

it('forgets a subject erased by another process as soon as the erasure commits', async () => {
  const listener = new ErasureListener(db.url);
  await listener.start();
  try {
    const seal = async () => (await sealEvents(db.pool, INSTANCE_ORGANISATION_ID, [activity('Youth Worker')]))[0];
    const first = subjectsIn((await seal()).data);
    expect(first).toHaveLength(1);
    expect(subjectsIn((await seal()).data)).toEqual(first);

    // What another process's erasure does to the table, in its transaction.
    const before = erasureGeneration();
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('DELETE FROM subject_keys WHERE subject_id = $1', [first[0]]);
      await other.query('SELECT pg_notify($1, $2)', [ERASURES_CHANNEL, first[0]]);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    expect(await until(() => erasureGeneration() > before)).toBe(true);

    // Recorded again after the erasure: a new subject, and the value reads.
    const again = await seal();
    expect(subjectsIn(again.data)).not.toEqual(first);
    expect((await openEvents(db.pool, [again]))[0].data).toMatchObject({ participants: ['Youth Worker'] });
  } finally {
    await listener.stop();
  }
});

it('announces every erased subject when the erasure commits', async () => {
  const store = new PostgresEventStore(db.pool);
  await store.append('listener-1', await sealEvents(db.pool, INSTANCE_ORGANISATION_ID, [activity('Council Clerk')]));
  const [subject] = subjectsIn((await store.readStream('listener-1'))[0].data);
  const heard: string[] = [];
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    client.on('notification', (n) => n.channel === ERASURES_CHANNEL && heard.push(n.payload ?? ''));
    await client.query(`LISTEN ${ERASURES_CHANNEL}`);
    await eraseSubjects(db.pool, new ProjectionEngine(store, null), [], {
      organisationId: INSTANCE_ORGANISATION_ID,
      subjectIds: [subject],
      erasedBy: 'test',
      reason: 'listener test',
      rebuild: false,
    });
    expect(await until(() => heard.length > 0)).toBe(true);
    expect(heard).toEqual([subject]);
  } finally {
    await client.end();
    store.close();
  }
});
