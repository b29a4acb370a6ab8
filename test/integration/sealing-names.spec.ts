// A name recorded again under its subject reuses its envelope (the seal was most of the write
// path's cost); free text is sealed afresh every time, and what the process learns of an erasure
// drops every reused envelope.
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { MAY_BE_PERSONAL } from '../../src/partnerships/domain/index.js';
import { openEvents, sealEvents, type Envelope } from '../../src/privacy/sealing.js';
import { forgetSubjects } from '../../src/privacy/subject-keys.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const textField = MAY_BE_PERSONAL.find((f) => f.startsWith('ActivityHeld.'))!.split('.')[1];
const activity = () => ({
  type: 'ActivityHeld',
  data: {
    occurredOn: { date: '2024-05', precision: 'month' },
    title: 'Youth exchange',
    participants: ['Interpreter', 'Youth Worker'],
    [textField]: 'Met at the station.',
  },
});
const texts = new Set([`ActivityHeld.${textField}`]);
type Sealed = { participants: Envelope[] } & Record<string, Envelope>;

async function seal(): Promise<Sealed> {
  const [e] = await sealEvents(db.pool, INSTANCE_ORGANISATION_ID, [activity()], texts);
  return e.data as unknown as Sealed;
}

describe('sealing names again', () => {
  it('gives the same envelope for the same name and subject, and a fresh one for free text', async () => {
    const first = await seal();
    const second = await seal();
    expect(second.participants[0]).toEqual(first.participants[0]);
    expect(second.participants[1]).toEqual(first.participants[1]);
    expect(first.participants[0].iv).not.toBe(first.participants[1].iv);
    expect(second[textField].iv).not.toBe(first[textField].iv);
    const opened = await openEvents(db.pool, [{ data: first }, { data: second }]);
    for (const o of opened)
      expect(o.data).toMatchObject({ participants: ['Interpreter', 'Youth Worker'], [textField]: 'Met at the station.' });
  });

  it('seals afresh once the process learns of an erasure', async () => {
    const before = await seal();
    forgetSubjects();
    const after = await seal();
    // the same subjects (still in the table), new nonces
    expect(after.participants[0].subject).toBe(before.participants[0].subject);
    expect(after.participants[0].iv).not.toBe(before.participants[0].iv);
  });

  it('hands out envelopes that cannot be changed in place', async () => {
    const sealed = await seal();
    expect(Object.isFrozen(sealed.participants[0])).toBe(true);
  });
});
