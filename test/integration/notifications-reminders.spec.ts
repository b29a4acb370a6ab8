// The reminder port: a ReminderSource over a real obligations table (made here; the obligations
// feature brings its own), queued as one mail per deadline subscriber, obligation and kind however
// often it runs, and sent through a real SMTP server in-process.
import pg from 'pg';
import { loadConfig } from '../../src/config/config.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { MailSender } from '../../src/notifications/mail-sender.js';
import { queueReminders, type Reminder, type ReminderSource } from '../../src/notifications/reminders.js';
import { saveSubscription } from '../../src/notifications/subscriptions.js';
import { upsertPerson } from '../../src/people/people.js';
import { startSmtp, type TestSmtp } from '../support/smtp-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const REMINDER_DAYS = 14;
const DAY = 86_400_000;

/** Due soon from REMINDER_DAYS before the date; overdue from the day after. */
class TableReminders implements ReminderSource {
  constructor(private readonly pool: pg.Pool) {}
  async due(now: Date): Promise<Reminder[]> {
    const { rows } = await this.pool.query(
      `SELECT organisation_id, partnership_id, obligation_id, to_char(due_on, 'YYYY-MM-DD') AS due, title,
              CASE WHEN due_on < $1::date THEN 'overdue' ELSE 'due-soon' END AS kind
         FROM test_obligations WHERE due_on - $2::int <= $1::date`,
      [now.toISOString().slice(0, 10), REMINDER_DAYS],
    );
    return rows.map((r) => ({
      organisationId: r.organisation_id,
      partnershipId: r.partnership_id,
      obligationId: r.obligation_id,
      kind: r.kind,
      dueDate: r.due,
      title: r.title,
    }));
  }
}

let db: TestDatabase;
let pool: pg.Pool;
let smtp: TestSmtp;
let sender: MailSender;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = db.pool;
  smtp = await startSmtp();
  sender = new MailSender(pool, loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, SMTP_URL: smtp.url, LOG_LEVEL: 'silent' }));
  await pool.query(
    `CREATE TABLE test_obligations (organisation_id uuid, partnership_id text, obligation_id text, due_on date, title text)`,
  );
  await pool.query(`INSERT INTO test_obligations VALUES ($1, 'dortmund-zhytomyr', 'ob-1', '2026-03-31', 'Final report (Nakopa)')`, [
    INSTANCE_ORGANISATION_ID,
  ]);
  const clerk = await upsertPerson(
    pool,
    { issuer: 'i', subject: 'clerk', displayName: 'Council Clerk', email: 'clerk@dortmund.example' },
    new Date(),
  );
  const tester = await upsertPerson(
    pool,
    { issuer: 'i', subject: 'tester', displayName: 'Office Tester', email: 'tester@dortmund.example' },
    new Date(),
  );
  const base = { partnerships: ['dortmund-zhytomyr'], kinds: null, digest: false };
  await saveSubscription(pool, INSTANCE_ORGANISATION_ID, clerk.id, { ...base, deadlines: true, language: 'de' }, new Date());
  await saveSubscription(pool, INSTANCE_ORGANISATION_ID, tester.id, { ...base, deadlines: false, language: 'en' }, new Date());
});
afterAll(async () => {
  sender?.close();
  await smtp?.close();
  await db?.drop();
});

it('sends a reminder before the due date and one when overdue, each once, to deadline subscribers only', async () => {
  const source = new TableReminders(pool);
  const at = (d: string) => new Date(`${d}T08:00:00Z`);

  expect(await queueReminders(pool, source, at('2026-03-16'), 'dortmund.example')).toBe(0);
  expect(await queueReminders(pool, source, at('2026-03-17'), 'dortmund.example')).toBe(1);
  expect(await queueReminders(pool, source, at('2026-03-18'), 'dortmund.example')).toBe(0); // once per kind
  await sender.runOnce(at('2026-03-18'));
  expect(smtp.mails.map((m) => [m.to && !Array.isArray(m.to) && m.to.text, m.subject])).toEqual([
    ['clerk@dortmund.example', 'Fällig am 31. März 2026: Final report (Nakopa)'],
  ]);

  expect(await queueReminders(pool, source, at('2026-03-31'), 'dortmund.example')).toBe(0);
  expect(await queueReminders(pool, source, new Date(at('2026-03-31').getTime() + DAY), 'dortmund.example')).toBe(1);
  expect(await queueReminders(pool, source, at('2026-04-05'), 'dortmund.example')).toBe(0);
  await sender.runOnce(at('2026-04-05'));
  expect(smtp.mails.map((m) => m.subject)).toEqual([
    'Fällig am 31. März 2026: Final report (Nakopa)',
    'Überfällig seit 31. März 2026: Final report (Nakopa)',
  ]);
  expect(smtp.mails[1].text).toContain('http://localhost:3000/#/p/dortmund-zhytomyr');
});
