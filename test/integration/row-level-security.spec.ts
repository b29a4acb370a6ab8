// Row-level security in the database: the policies, the service's role, and the pool that runs
// request work under them (src/event-store/scoped-pool.ts).
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { withTransaction } from '../../src/event-store/transaction.js';
import { asSystem, runAsRequest } from '../../src/shared/db-scope.js';
import { protectedTables, unprotectedTables, viewsWithoutInvokerRights, visibleWithoutOrganisation } from '../support/rls.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let db: TestDatabase;
const A = randomUUID();
const B = randomUUID();
const C = randomUUID();

beforeAll(async () => {
  db = await createTestDatabase();
  // Tables of this test: one holding partnership rows, and the access list (if no migration made it yet).
  await db.pool.query(`
    CREATE TABLE IF NOT EXISTS partnership_access (
      organisation_id uuid NOT NULL, partnership_id text NOT NULL, stream_id text NOT NULL, side text NOT NULL,
      since timestamptz NOT NULL DEFAULT now(), until timestamptz)`);
  for (const [id, slug] of [
    [A, 'rls-a'],
    [B, 'rls-b'],
    [C, 'rls-c'],
  ])
    await db.pool.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $2) ON CONFLICT DO NOTHING`, [id, slug]);
  await db.pool.query(`CREATE TABLE rls_probe (organisation_id uuid NOT NULL, stream_id text NOT NULL, note text)`);
  await db.pool.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rls_probe, partnership_access TO ledger_app`);
  await db.pool.query(`SELECT ledger_protect_table('rls_probe'), ledger_protect_table('partnership_access')`);
  await db.pool.query(
    `INSERT INTO rls_probe VALUES ($1, 'a-private', 'A only'), ($1, 'shared', 'A shares'), ($2, 'b-private', 'B only'),
                                  ($3, 'c-private', 'C only')`,
    [A, B, C],
  );
  await db.pool.query(
    `INSERT INTO partnership_access (organisation_id, partnership_id, stream_id, side, since, until)
     VALUES ($1, 'shared', 'shared', 'own', now(), NULL), ($2, 'shared', 'shared', 'partner', now(), NULL),
            ($3, 'shared', 'shared', 'partner', now() - interval '2 days', now() - interval '1 day')`,
    [A, B, C],
  );
});
afterAll(async () => {
  await db?.drop();
});

const notes = (orgs: string[]) =>
  runAsRequest(async () => (await db.pool.query('SELECT note FROM rls_probe ORDER BY note')).rows.map((r) => r.note), orgs);

describe('the policies', () => {
  it('protect every table with an organisation_id: enabled, forced, the four policies and no others', async () => {
    expect(await protectedTables(db.pool)).toEqual(expect.arrayContaining(['partnership_access', 'rls_probe']));
    expect(await unprotectedTables(db.pool)).toEqual([]);
  });

  it('read through every view with the reader’s rights', async () => {
    expect(await viewsWithoutInvokerRights(db.pool)).toEqual([]);
  });

  it('give the service’s role no row of any protected table without an organisation set', async () => {
    expect(await visibleWithoutOrganisation(db.pool)).toEqual({});
  });

  it('catch a table whose row-level security is switched off or whose policy lets everything through', async () => {
    for (const change of [
      'ALTER TABLE rls_probe DISABLE ROW LEVEL SECURITY',
      'DROP POLICY ledger_read ON rls_probe; CREATE POLICY ledger_read ON rls_probe FOR SELECT USING (true)',
    ]) {
      await db.pool.query(change);
      try {
        expect(await visibleWithoutOrganisation(db.pool)).toEqual({ rls_probe: 4 });
        expect(await unprotectedTables(db.pool)).toEqual(change.startsWith('ALTER') ? ['rls_probe'] : []);
      } finally {
        await db.pool.query(`SELECT ledger_protect_table('rls_probe')`);
      }
    }
    expect(await visibleWithoutOrganisation(db.pool)).toEqual({});
  });
});

describe('request work through the pool', () => {
  it('sees its organisation’s rows and the partnerships shared with it while the access lasts', async () => {
    expect(await notes([A])).toEqual(['A only', 'A shares']);
    expect(await notes([B])).toEqual(['A shares', 'B only']);
    expect(await notes([C])).toEqual(['C only']);
    expect(await notes([])).toEqual([]);
    expect(await notes([A, B])).toEqual(['A only', 'A shares', 'B only']);
  });

  it('writes only as its own organisation, and changes no other organisation’s rows', async () => {
    await expect(
      runAsRequest(() => db.pool.query(`INSERT INTO rls_probe VALUES ($1, 'shared', 'forged')`, [A]), [B]),
    ).rejects.toMatchObject({
      code: '42501',
    });
    const updated = await runAsRequest(() => db.pool.query(`UPDATE rls_probe SET note = 'changed' WHERE stream_id = 'shared'`), [B]);
    const deleted = await runAsRequest(() => db.pool.query(`DELETE FROM rls_probe WHERE organisation_id = $1`, [A]), [B]);
    expect([updated.rowCount, deleted.rowCount]).toEqual([0, 0]);
    await runAsRequest(() => db.pool.query(`INSERT INTO rls_probe VALUES ($1, 'shared', 'B adds')`, [B]), [B]);
    expect(await notes([A])).toEqual(['A only', 'A shares', 'B adds']);
    await db.pool.query(`DELETE FROM rls_probe WHERE note = 'B adds'`);
  });

  it('holds the setting inside a transaction and leaves nothing on the pooled connection', async () => {
    const inside = await runAsRequest(
      () =>
        withTransaction(db.pool, async (c) => {
          const first = await c.query(
            `SELECT current_user AS role, current_setting('ledger.organisations', true) AS orgs, pg_backend_pid() AS pid`,
          );
          const n = await c.query('SELECT count(*)::int AS n FROM rls_probe');
          return { ...first.rows[0], n: n.rows[0].n };
        }),
      [A],
    );
    expect(inside).toMatchObject({ role: 'ledger_app', orgs: `{${A}}`, n: 2 });
    // Every connection of the pool, taken afterwards as system work: the connecting role, no organisations.
    const clients = await Promise.all(Array.from({ length: 34 }, () => db.pool.connect()));
    try {
      for (const c of clients) {
        const { rows } = await c.query(`SELECT current_user AS role, coalesce(current_setting('ledger.organisations', true), '') AS orgs`);
        expect(rows[0]).toEqual({ role: 'postgres', orgs: '' });
      }
    } finally {
      for (const c of clients) c.release();
    }
  });

  it('runs a statement outside a transaction as the service’s role, with its own result only', async () => {
    const { rows, command, rowCount } = await runAsRequest(
      () => db.pool.query(`SELECT current_user AS role, count(*)::int AS n FROM rls_probe GROUP BY 1`),
      [B],
    );
    expect({ rows, command, rowCount }).toEqual({ rows: [{ role: 'ledger_app', n: 2 }], command: 'SELECT', rowCount: 1 });
    await expect(runAsRequest(() => db.pool.query('SELECT nope FROM rls_probe'), [B])).rejects.toMatchObject({ code: '42703' });
    // The connection is usable after the failed statement.
    expect((await runAsRequest(() => db.pool.query('SELECT 1 AS one'), [B])).rows).toEqual([{ one: 1 }]);
  });

  it('lets system work inside a request see every organisation, and only there', async () => {
    const all = await runAsRequest(
      () => asSystem(async () => (await db.pool.query('SELECT count(*)::int AS n FROM rls_probe')).rows[0].n),
      [A],
    );
    expect(all).toBe(4);
  });
});

describe('appends through the store (the events’ insert policy)', () => {
  const note = (n: number) => ({ type: 'NoteAdded', data: { text: `note ${n}` } });
  const own = async (org: string, stream: string) =>
    db.pool.query(`INSERT INTO partnership_access (organisation_id, partnership_id, stream_id, side) VALUES ($1, $2, $2, 'own')`, [
      org,
      stream,
    ]);

  it('refuses a request’s append to a stream its organisation may not write, and writes nothing', async () => {
    const store = new PostgresEventStore(db.pool);
    try {
      await own(B, 'b-stream');
      await runAsRequest(() => store.append('b-stream', [note(1)], { expectedVersion: 'no_stream', organisationId: B }), [B]);
      // A knows the stream and its version: the row names A, and A has no access to the stream.
      const refused = await runAsRequest(
        () =>
          store.append('b-stream', [note(2)], { expectedVersion: 1, organisationId: A }).then(
            () => null,
            (err: unknown) => err,
          ),
        [A],
      );
      // Its own scope does not see the stream (a conflict); sharing a statement with B's appends, the policy refuses it (below).
      expect(['42501', 'concurrency_conflict']).toContain((refused as { code?: string } | null)?.code);
      const rows = await db.pool.query(`SELECT organisation_id FROM events WHERE stream_id = 'b-stream'`);
      expect(rows.rows).toEqual([{ organisation_id: B }]);
    } finally {
      store.close();
    }
  });

  it('lets concurrent appends of several organisations through, each row its own, and refuses only the stray one', async () => {
    const store = new PostgresEventStore(db.pool);
    try {
      for (const [org, s] of [
        [A, 'a-many'],
        [B, 'b-many'],
        [C, 'c-many'],
      ])
        await own(org, s);
      const writes = [A, B, C].flatMap((org, k) =>
        Array.from({ length: 12 }, (_, i) =>
          runAsRequest(
            () => store.append(`${['a', 'b', 'c'][k]}-many`, [note(i)], { expectedVersion: 'any', organisationId: org }).then(() => 'ok'),
            [org],
          ),
        ),
      );
      // A stray append of A into C's stream, in the middle of the others.
      const stray = runAsRequest(
        () =>
          store.append('c-many', [note(99)], { expectedVersion: 'any', organisationId: A }).then(
            () => 'ok',
            (err: unknown) => (err as { code?: string }).code,
          ),
        [A],
      );
      expect(await Promise.all(writes)).toEqual(Array(36).fill('ok'));
      expect(await stray).toBe('42501');
      const { rows } = await db.pool.query(
        `SELECT stream_id, organisation_id::text AS org, count(*)::int AS n, max(stream_version) AS v FROM events
          WHERE stream_id IN ('a-many', 'b-many', 'c-many') GROUP BY 1, 2 ORDER BY 1`,
      );
      expect(rows).toEqual([
        { stream_id: 'a-many', org: A, n: 12, v: 12 },
        { stream_id: 'b-many', org: B, n: 12, v: 12 },
        { stream_id: 'c-many', org: C, n: 12, v: 12 },
      ]);
    } finally {
      store.close();
    }
  });
});
