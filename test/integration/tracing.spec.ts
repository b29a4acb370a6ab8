// One command, one trace: the built service runs as `npm start` runs it, exporting OTLP http/json
// to a receiver in this process. A suspension (which makes the dispatcher refresh the dossier) is
// sent with a known traceparent, and its trace must reach from the HTTP request through the
// command, the append statement, the projection batch and the dispatcher to the report job, and
// through the notification dispatcher to the mail (SMTP in-process) and the webhook delivery
// (a receiver in-process) that a subscriber and an endpoint get for it.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createApiKey } from '../../src/auth/api-keys.js';
import { createSession } from '../../src/auth/session/sessions.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { upsertPerson } from '../../src/people/people.js';
import { startSmtp, type TestSmtp } from '../support/smtp-server.js';
import { startReceiver as startWebhookReceiver, type Receiver as WebhookReceiver } from '../support/webhook-receiver.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { buildService, freePort, startReceiver, startService, type ReceivedSpan, type Receiver, type Service } from './tracing-helpers.js';

const ROOT = process.cwd();
let db: TestDatabase;
let receiver: Receiver;
let build: string;
let service: Service | undefined;
let key: string;
let adminKey: string;
let smtp: TestSmtp;
let hooks: WebhookReceiver;

beforeAll(async () => {
  [db, receiver, build, smtp, hooks] = await Promise.all([
    createTestDatabase(),
    startReceiver(),
    buildService(ROOT),
    startSmtp(),
    startWebhookReceiver(),
  ]);
  key = (await createApiKey(db.pool, { name: 'tracing test', role: 'office' })).key;
  adminKey = (await createApiKey(db.pool, { name: 'tracing test admin', role: 'admin' })).key;
}, 180_000);
afterAll(async () => {
  await service?.stop();
  await receiver?.close();
  await smtp?.close();
  await hooks?.close();
  await db?.drop();
  if (build) rmSync(build, { recursive: true, force: true });
});

async function until<T>(fn: () => T | undefined | false, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The chain of span names from a span up to the trace's root. */
function pathOf(span: ReceivedSpan, trace: ReceivedSpan[]): string[] {
  const byId = new Map(trace.map((s) => [s.spanId, s]));
  const path: string[] = [];
  for (let s: ReceivedSpan | undefined = span; s; s = byId.get(s.parentSpanId)) path.unshift(s.name);
  return path;
}

it('follows one command from the HTTP request to the report job it triggered, in one trace', async () => {
  const port = await freePort();
  service = await startService(
    build,
    {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DB_MIGRATE_ON_START: 'false',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `pl_test_${process.pid}_${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'info',
      PROJECTION_POLL_MS: '100',
      DIGEST_ENABLED: 'false',
      LEDGER_CHECKPOINT_INTERVAL_MS: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'partnership-ledger-test',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      SMTP_URL: smtp.url,
      MAIL_BATCH_SECONDS: '0',
      NOTIFY_POLL_MS: '100',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    },
    port,
  );
  const base = `http://127.0.0.1:${port}/api/v1/partnerships`;
  const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const traceparent = () => {
    const ids = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
    return { ...ids, header: `00-${ids.traceId}-${ids.spanId}-01` };
  };
  const spansOf = (traceId: string) => receiver.spans.filter((s) => s.traceId === traceId);

  // The partnership first; its events are applied (their batch spans exported) before the command
  // under test, so that command's events start batches of their own.
  const id = `traced-${randomBytes(3).toString('hex')}`;
  const first = traceparent();
  const initiated = await send(
    '',
    { partnershipId: id, occurredOn: '2022', ownMunicipality: { en: 'Dortmund' }, tier: 'initiative' },
    { traceparent: first.header },
  );
  expect(initiated.status).toBe(201);
  await until(
    () => ['projection batch partnerships', 'report dispatch batch'].every((n) => spansOf(first.traceId).some((s) => s.name === n)),
    20_000,
    'the first command applied',
  );

  // A person subscribed to suspensions by mail, and an endpoint that wants them, made on the routes.
  const now = new Date();
  const person = await upsertPerson(
    db.pool,
    { issuer: 'https://idp.test', subject: 'trace-reader', displayName: 'Trace Reader', email: 'trace.reader@dortmund.example' },
    now,
  );
  const session = await createSession(
    db.pool,
    { personId: person.id, roles: ['council'], idToken: null, organisationId: INSTANCE_ORGANISATION_ID },
    now,
    {
      idleMs: 3_600_000,
      absoluteMs: 3_600_000,
    },
  );
  const cookie = `pl_session=${session.secret}`;
  const api = `http://127.0.0.1:${port}/api/v1`;
  const me = (await (await fetch(`${api}/me`, { headers: { Cookie: cookie } })).json()) as { csrfToken: string };
  const subscribed = await fetch(`${api}/me/subscriptions`, {
    method: 'PUT',
    headers: { Cookie: cookie, 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ partnerships: [id], kinds: ['PartnershipSuspended'], deadlines: false, digest: false, language: 'en' }),
  });
  expect(subscribed.status).toBe(200);
  const endpoint = await fetch(`${api}/webhooks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${hooks.url}/ledger`, events: ['PartnershipSuspended'] }),
  });
  expect(endpoint.status).toBe(201);
  hooks.secrets.push(((await endpoint.json()) as { secret: string }).secret);

  // The caller's own span: the service continues its trace (W3C traceparent).
  const caller = traceparent();
  const { traceId, spanId: callerSpan } = caller;
  const suspended = await send(
    `/${id}/suspension`,
    { occurredOn: '2024-02', reason: 'contact interrupted' },
    { traceparent: caller.header },
  );
  expect(suspended.status).toBe(201);

  const inTrace = () => spansOf(traceId);
  const job = await until(() => inTrace().find((s) => s.name === 'process reports' && s.scope === 'bullmq'), 20_000, 'the report job span');
  const mail = await until(() => inTrace().find((s) => s.name === 'mail send'), 20_000, 'the mail span');
  const webhook = await until(() => inTrace().find((s) => s.name === 'webhook delivery'), 20_000, 'the webhook delivery span');
  // Spans still in the service's batch when the job span arrived.
  await new Promise((r) => setTimeout(r, 500));
  const trace = inTrace();
  const names = trace.map((s) => s.name);
  // For docs/operations.md: the trace as indented text (TRACE_DUMP=1).
  if (process.env.TRACE_DUMP) {
    const children = (parent: string, depth: number): string[] =>
      trace
        .filter((s) => s.parentSpanId === parent)
        .sort((a, b) => (a.start < b.start ? -1 : 1))
        .flatMap((s) => [
          `${'  '.repeat(depth)}${s.name}  [${s.scope.replace('@opentelemetry/instrumentation-', '')}] ${Number(s.end - s.start) / 1e6} ms`,
          ...children(s.spanId, depth + 1),
        ]);
    process.stdout.write(`trace ${traceId}\n${children(callerSpan, 0).join('\n')}\n`);
  }

  const server = trace.find((s) => s.kind === 2 && s.scope === '@opentelemetry/instrumentation-http')!;
  expect(server).toBeDefined();
  expect(server.parentSpanId).toBe(callerSpan);
  expect(server.name).toBe('POST /api/v1/partnerships/:id/suspension');
  expect(server.attributes).toMatchObject({ 'http.route': '/api/v1/partnerships/:id/suspension', 'nestjs.handler': 'suspend' });

  const command = trace.find((s) => s.name === 'command SuspendPartnership')!;
  expect(command.attributes).toMatchObject({ 'partnership.id': id });
  const append = trace.find((s) => s.name === 'event-store append')!;
  expect(append.attributes).toMatchObject({ 'event_store.stream_id': id, 'event_store.version': 2, 'event_store.events': 1 });
  expect(pathOf(append, trace)).toEqual(expect.arrayContaining([server.name, command.name, 'event-store append']));
  // The statement itself, from the pg instrumentation, under the append span.
  expect(trace.some((s) => s.scope === '@opentelemetry/instrumentation-pg' && s.parentSpanId === append.spanId)).toBe(true);

  const projection = trace.find((s) => s.name === 'projection batch partnerships')!;
  expect(projection.parentSpanId).toBe(command.spanId);
  const dispatch = trace.find((s) => s.name === 'report dispatch batch')!;
  expect(dispatch.parentSpanId).toBe(command.spanId);
  expect(pathOf(job, trace)).toEqual(expect.arrayContaining([server.name, command.name, 'report dispatch batch', 'process reports']));
  expect(job.start).toBeGreaterThanOrEqual(command.start);

  // → mail or webhook delivery: both continue the command's trace, by way of the notification dispatcher.
  const notify = trace.find((s) => s.name === 'notification dispatch batch')!;
  expect(notify.parentSpanId).toBe(command.spanId);
  expect(pathOf(mail, trace)).toEqual(expect.arrayContaining([server.name, command.name, 'mail send']));
  expect(mail.attributes).toMatchObject({ 'mail.kind': 'entries', 'mail.entries': 1 });
  expect(smtp.mails.some((m) => m.messageId === mail.attributes['mail.message_id'])).toBe(true);
  expect(pathOf(webhook, trace)).toEqual(expect.arrayContaining([server.name, command.name, 'webhook delivery']));
  // The POST itself, from the http instrumentation, under the delivery span; the receiver verified it.
  expect(trace.some((s) => s.kind === 3 && s.parentSpanId === webhook.spanId)).toBe(true);
  expect(hooks.received.find((h) => h.id === webhook.attributes['webhook.id'])?.verifiedWith).toEqual([0]);

  // Every span of the trace hangs off the caller's span: one tree, nothing orphaned.
  const ids = new Set([callerSpan, ...trace.map((s) => s.spanId)]);
  expect(trace.filter((s) => !ids.has(s.parentSpanId)).map((s) => s.name)).toEqual([]);
  expect(names).toEqual(expect.arrayContaining(['command SuspendPartnership', 'event-store append', 'projection batch partnerships']));

  // The request's log lines carry the trace.
  const logs = service
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(logs.some((l) => l.trace_id === traceId && typeof l.span_id === 'string')).toBe(true);
}, 150_000);
