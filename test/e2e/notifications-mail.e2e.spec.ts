// Subscriptions and e-mail against a real SMTP server in-process (smtp-server), every mail parsed
// with mailparser. Workers are driven by hand (WORKERS_ENABLED=false) with an injected clock, so the
// batching window and the send lease pass when the test says. Runs on a private redis-server so it
// can FLUSHALL between recording and sending.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { NotificationWorker } from '../../src/notifications/notification-worker.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { freePort, startRedis, stopRedis } from '../support/redis-server.js';
import { startSmtp, type TestSmtp } from '../support/smtp-server.js';
import { API, initiate, keyFor, poolOf, post } from './partnerships-helpers.js';
import { decide, putSubscription, signIn, type SignedIn, dispatchAll } from './notifications-helpers.js';
import { until } from './reporting-helpers.js';

const BATCH_SECONDS = 120;
const LEASE_MS = 5000;

let t: TestApp;
let redis: ChildProcess;
let redisPort: number;
let smtp: TestSmtp;
let clock: FixedClock;
let worker: NotificationWorker;
let office: string;
let admin: string;
let clerk: SignedIn;
let tester: SignedIn;

const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
/** The dispatcher's backlog into the outbox, then every due mail out. */
async function flush(): Promise<void> {
  await dispatchAll(t);
  await worker.drain();
}
const header = (m: ParsedMail, name: string) =>
  m.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ');
const mailsTo = (address: string) => smtp.mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(address)));

beforeAll(async () => {
  redisPort = await freePort();
  redis = await startRedis(redisPort);
  smtp = await startSmtp();
  clock = new FixedClock(new Date());
  t = await createTestApp({
    clock,
    env: {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Partnership Ledger <ledger@dortmund.example>',
      MAIL_BATCH_SECONDS: String(BATCH_SECONDS),
      NOTIFY_LEASE_MS: String(LEASE_MS),
      WORKERS_ENABLED: 'false',
    },
  });
  worker = t.app.get(NotificationWorker);
  [office, admin] = await Promise.all([keyFor(t, 'office'), keyFor(t, 'admin')]);
  clerk = await signIn(t, { subject: 'council-clerk', name: 'Council Clerk', email: 'council.clerk@dortmund.example' });
  tester = await signIn(t, { subject: 'office-tester', name: 'Office Tester', email: 'office.tester@dortmund.example', roles: ['office'] });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  if (redis) await stopRedis(redis);
});

describe('subscriptions', () => {
  it('are read and set by the signed-in person, and refused field by field when wrong', async () => {
    const empty = await request(t.http).get('/api/v1/me/subscriptions').set('Cookie', clerk.cookie).expect(200);
    expect(empty.body).toMatchObject({ partnerships: [], active: false, mailEnabled: true });

    const bad = await putSubscription(t, clerk, {
      partnerships: ['Not An Id'],
      kinds: ['NoSuchKind'],
      deadlines: 'yes',
      digest: false,
      language: 'fr',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['partnerships[0]', 'kinds[0]', 'deadlines', 'language', '(body)']));
    expect((await request(t.http).get('/api/v1/me/subscriptions').set('Cookie', clerk.cookie)).body.updatedAt).toBeUndefined();

    const key = await request(t.http).get('/api/v1/me/subscriptions').set('Authorization', `Bearer ${office}`);
    expect(key.status).toBe(403);
    expect(key.body.code).toBe('person_required');
  });
});

describe('a council decision on Dortmund–Zhytomyr', () => {
  let unsubscribeUrl: string;

  it('reaches its subscriber as one mail in their language, even with Redis flushed before sending', async () => {
    await initiate(t, office, 'dortmund-zhytomyr');
    await flush(); // the initiation is history before anyone subscribes
    const saved = await putSubscription(t, clerk, {
      partnerships: ['dortmund-zhytomyr'],
      kinds: ['CouncilDecided'],
      deadlines: false,
      digest: false,
      language: 'uk',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ partnerships: ['dortmund-zhytomyr'], kinds: ['CouncilDecided'], language: 'uk', active: true });
    expect(
      (
        await putSubscription(t, tester, {
          partnerships: ['dortmund-vinnytsia'],
          kinds: null,
          deadlines: true,
          digest: false,
          language: 'de',
        })
      ).status,
    ).toBe(200);

    await decide(t, office, 'dortmund-zhytomyr', '2022-06-15');
    await dispatchAll(t);
    const { rows } = await poolOf(t).query(`SELECT state, message_id FROM mail_outbox`);
    expect(rows).toEqual([{ state: 'collecting', message_id: expect.stringMatching(/^<[0-9a-f-]{36}@dortmund\.example>$/) }]);

    const r = new Redis(redisPort, '127.0.0.1');
    await r.flushall();
    r.disconnect();

    await worker.drain();
    expect(smtp.mails).toHaveLength(0); // the batching window is still open
    advance(BATCH_SECONDS * 1000 + 1);
    await flush();
    await until(async () => smtp.mails.length === 1, 5000, 'the mail');
    await flush();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(1);

    const mail = smtp.mails[0];
    expect(mail.to && !Array.isArray(mail.to) && mail.to.text).toBe('council.clerk@dortmund.example');
    expect(mail.subject).toBe('Новий запис: Рішення ради – dortmund-zhytomyr');
    expect(header(mail, 'Content-Language')).toBe('uk');
    expect(mail.messageId).toBe(rows[0].message_id);
    expect(mail.text).toContain('dortmund-zhytomyr: Рішення ради (від 15 червня 2022');
    expect(mail.html).toContain('<html lang="uk">');
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const listed = /^<(https?:\/\/[^>]+)>$/.exec(header(mail, 'List-Unsubscribe') ?? '');
    expect(listed).not.toBeNull();
    unsubscribeUrl = listed![1];
    expect(mail.text).toContain(unsubscribeUrl);
    expect(mailsTo('office.tester@dortmund.example')).toHaveLength(0);
    const sent = await poolOf(t).query(`SELECT state, attempts FROM mail_outbox`);
    expect(sent.rows).toEqual([{ state: 'sent', attempts: 1 }]);
  });

  it('can be unsubscribed with one click, without signing in, and no mail follows', async () => {
    const u = new URL(unsubscribeUrl);
    const path = u.pathname + u.search;
    const page = await request(t.http).get(path).expect(200);
    expect(page.text).toContain('method="post"');

    const forged = path.replace(/token=([^&]+)/, (_m, tok: string) => `token=${decodeURIComponent(tok).slice(0, -2)}xx`);
    const refused = await request(t.http).post(forged).type('form').send('List-Unsubscribe=One-Click');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);

    const res = await request(t.http).post(path).type('form').send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unsubscribed: true, changed: true });
    const again = await request(t.http).post(path).type('form').send('List-Unsubscribe=One-Click');
    expect(again.body).toEqual({ unsubscribed: true, changed: false });

    const mine = await request(t.http).get('/api/v1/me/subscriptions').set('Cookie', clerk.cookie).expect(200);
    expect(mine.body).toMatchObject({ active: false, unsubscribedAt: expect.any(String) });

    await decide(t, office, 'dortmund-zhytomyr', '2022-07-01');
    await flush();
    advance(BATCH_SECONDS * 1000 + 1);
    await flush();
    expect(mailsTo('council.clerk@dortmund.example')).toHaveLength(1);
  });
});

describe('batching', () => {
  it('puts a burst of entries into one mail', async () => {
    const before = smtp.mails.length;
    await putSubscription(t, tester, {
      partnerships: ['dortmund-mykolaiv'],
      kinds: null,
      deadlines: true,
      digest: false,
      language: 'de',
    }).expect(200);
    await initiate(t, office, 'dortmund-mykolaiv');
    for (const [month, title] of [
      ['2022-03', 'Hilfskonvoi'],
      ['2022-05', 'Jugendaustausch'],
    ]) {
      await post(t, office, `${API}/dortmund-mykolaiv/activities`, { occurredOn: month, title }).expect(201);
      await dispatchAll(t);
      advance(10_000); // well inside the window
      await worker.drain();
    }
    await decide(t, office, 'dortmund-mykolaiv', '2022-06-01');
    await flush();
    expect(smtp.mails.length).toBe(before);
    advance(BATCH_SECONDS * 1000);
    await flush();
    await until(async () => smtp.mails.length > before, 5000, 'the batched mail');
    await new Promise((r) => setTimeout(r, 200));
    const mine = mailsTo('office.tester@dortmund.example');
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toBe('4 neue Einträge im Partnerschaftsregister');
    expect(mine[0].text!.split('\n').filter((l) => l.startsWith('- dortmund-mykolaiv: '))).toHaveLength(4);
    expect(header(mine[0], 'Content-Language')).toBe('de');
  });
});

describe('a worker killed while sending', () => {
  it('leaves the mail to the next worker after its lease: sent once, same Message-ID', async () => {
    const before = mailsTo('office.tester@dortmund.example').length;
    await post(t, office, `${API}/dortmund-mykolaiv/activities`, { occurredOn: '2022-08', title: 'Werkstattbesuch' }).expect(201);
    await dispatchAll(t);
    advance(BATCH_SECONDS * 1000 + 1);
    const { rows } = await poolOf(t).query(`SELECT id, message_id FROM mail_outbox WHERE state = 'collecting'`);
    expect(rows).toHaveLength(1);

    let child: ChildProcess | null = null;
    const killed = new Promise<void>((resolve) => {
      smtp.onData = () => {
        child!.kill('SIGKILL');
        resolve();
        return 'drop';
      };
    });
    child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/notifications-exiting-sender.ts'], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: t.config.DATABASE_URL,
        SMTP_URL: smtp.url,
        MAIL_FROM: t.config.MAIL_FROM,
        NOTIFY_LEASE_MS: String(LEASE_MS),
        NOW: clock.now().toISOString(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const exited = new Promise<string | null>((resolve) => child!.once('exit', (_code, signal) => resolve(signal)));
    await Promise.race([killed, exited]);
    expect(await exited).toBe('SIGKILL');
    smtp.onData = null;
    expect(output).toContain('sending');
    const claimed = await poolOf(t).query(`SELECT state, attempts FROM mail_outbox WHERE id = $1`, [rows[0].id]);
    expect(claimed.rows[0]).toEqual({ state: 'sending', attempts: 1 });

    await worker.drain(); // the dead worker's lease still holds
    expect(mailsTo('office.tester@dortmund.example')).toHaveLength(before);
    advance(LEASE_MS + 1);
    await worker.drain();
    await until(async () => mailsTo('office.tester@dortmund.example').length > before, 5000, 'the mail after the lease');
    await worker.drain();
    const mine = mailsTo('office.tester@dortmund.example');
    expect(mine).toHaveLength(before + 1);
    expect(mine[mine.length - 1].messageId).toBe(rows[0].message_id);
    const done = await poolOf(t).query(`SELECT state, attempts FROM mail_outbox WHERE id = $1`, [rows[0].id]);
    expect(done.rows[0]).toEqual({ state: 'sent', attempts: 2 });
  }, 60_000);
});

describe('readiness', () => {
  it('says mail is on', async () => {
    const res = await request(t.http).get('/health/ready/details').set('Authorization', `Bearer ${admin}`);
    expect(res.body.details.notifications).toMatchObject({ status: 'up', mail: 'on' });
  });
});
