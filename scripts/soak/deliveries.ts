// The soak's mail and webhook counterparts, in this process on loopback: an SMTP server
// (smtp-server, every mail parsed with mailparser) and a webhook receiver that checks each delivery
// with the Standard Webhooks reference library. The soak subscribes a person and registers an
// endpoint through the API before any entry exists, so every acknowledged entry is due: each event
// once at the endpoint, each event of a followed partnership once in some mail. See
// docs/operations.md#mails-and-webhooks-in-the-soak for what "due" means under faults.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { createSession } from '../../src/auth/session/sessions.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { upsertPerson } from '../../src/people/people.js';
import type { Command } from './load.js';

export interface ReceivedMail {
  messageId: string;
  at: number;
  /** entries the text lists, by partnership ("- <partnership>: <kind>" lines) */
  entries: Map<string, number>;
}

/** smtp-server on a free loopback port; every accepted mail is parsed and kept. */
export class Mailbox {
  readonly mails: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  url = '';

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            const entries = new Map<string, number>();
            for (const m of (mail.text ?? '').matchAll(/^- ([a-z0-9][a-z0-9-]*): /gm)) entries.set(m[1]!, (entries.get(m[1]!) ?? 0) + 1);
            this.mails.push({ messageId: mail.messageId ?? '', at: Date.now(), entries });
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    // A worker killed mid-mail resets its connection: that is one of the faults, not a failure here.
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

export interface ReceivedHook {
  id: string;
  eventId: string;
  verified: boolean;
}

/** An HTTP receiver on a free loopback port: verifies each delivery, answers 204 (401 when it does not verify). */
export class HookReceiver {
  readonly received: ReceivedHook[] = [];
  secret = '';
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let verified = false;
        try {
          new Webhook(this.secret).verify(raw, req.headers as Record<string, string>);
          verified = true;
        } catch {
          /* counted below as not verified */
        }
        let eventId = '';
        try {
          eventId = String((JSON.parse(raw) as { data?: { eventId?: string } }).data?.eventId ?? '');
        } catch {
          /* not JSON: no event */
        }
        this.received.push({ id: String(req.headers['webhook-id'] ?? ''), eventId, verified });
        res.writeHead(verified ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ledger`;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

async function call(url: string, init: RequestInit, what: string): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
      const text = await res.text();
      if (res.ok) return JSON.parse(text) as Record<string, unknown>;
      if (res.status !== 503 || attempt >= 10) throw new Error(`${what} answered ${res.status}: ${text.slice(0, 300)}`);
    } catch (err) {
      if (attempt >= 10) throw err;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export interface Listeners {
  personId: string;
  endpointId: string;
  /** the partnerships the person follows (every kind of entry) */
  followed: string[];
}

/**
 * The person and the endpoint, made the way the product makes them: the person as a sign-in makes
 * them (a person row and a session), the subscription with that session on the settings route, the
 * endpoint by an admin's key on the webhooks route.
 */
export async function subscribe(
  pool: pg.Pool,
  api: string,
  adminKey: string,
  receiver: HookReceiver,
  followed: string[],
): Promise<Listeners> {
  const now = new Date();
  const person = await upsertPerson(
    pool,
    { issuer: 'https://soak.invalid', subject: 'soak-reader', displayName: 'Soak Reader', email: 'soak.reader@soak.example' },
    now,
  );
  const { secret } = await createSession(
    pool,
    { personId: person.id, roles: ['council'], idToken: null, organisationId: INSTANCE_ORGANISATION_ID },
    now,
    {
      idleMs: 86_400_000,
      absoluteMs: 86_400_000,
    },
  );
  const cookie = `pl_session=${secret}`;
  const me = await call(`${api}/api/v1/me`, { headers: { Cookie: cookie } }, 'GET /api/v1/me');
  await call(
    `${api}/api/v1/me/subscriptions`,
    {
      method: 'PUT',
      headers: { Cookie: cookie, 'X-CSRF-Token': String(me.csrfToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ partnerships: followed, kinds: null, deadlines: false, digest: false, language: 'en' }),
    },
    'PUT /api/v1/me/subscriptions',
  );
  const endpoint = await call(
    `${api}/api/v1/webhooks`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, events: ['*'] }),
    },
    'POST /api/v1/webhooks',
  );
  receiver.secret = String(endpoint.secret);
  return { personId: person.id, endpointId: String(endpoint.id), followed };
}

export interface DeliveryCheck {
  webhooks: {
    due: number;
    delivered: number;
    lost: number;
    /** receipts of a webhook-id already received (at-least-once, documented) */
    redelivered: number;
    /** an event received under more than one webhook-id: a real duplicate */
    duplicated: number;
    unverified: number;
    /** received for events no soak command made */
    other: number;
  };
  mails: {
    /** the outbox's mails holding due entries (its batching decides how many) */
    due: number;
    delivered: number;
    /** receipts of a Message-ID already received (at-least-once, documented) */
    redelivered: number;
    /** mails whose text lists other entries than the outbox holds for their Message-ID */
    contentMismatch: number;
    /** an estimate from the acknowledgement times and MAIL_BATCH_SECONDS (not a check) */
    estimate: number;
    notSent: Record<string, number>;
  };
  entries: {
    due: number;
    delivered: number;
    lost: number;
    /** entries listed in more distinct mails than are due (a real duplicate) */
    duplicated: number;
  };
}

/** Due events of acknowledged commands: all for the endpoint, those of followed partnerships for mail. */
function dueEvents(commands: Command[], followed: string[]) {
  const all = new Map<string, Command>();
  for (const c of commands) for (const id of c.eventIds ?? []) all.set(id, c);
  const mail = [...all].filter(([, c]) => followed.includes(c.partnershipId));
  return { all, mail };
}

/** Mails an outbox batching MAIL_BATCH_SECONDS would make of entries acknowledged at these times. */
function estimateMails(times: number[], batchSeconds: number): number {
  let n = 0;
  let windowEnds = -Infinity;
  for (const t of [...times].sort((a, b) => a - b)) {
    if (t < windowEnds) continue;
    n++;
    windowEnds = t + batchSeconds * 1000;
  }
  return n;
}

export async function checkDeliveries(
  pool: pg.Pool,
  l: Listeners,
  commands: Command[],
  mailbox: Mailbox,
  receiver: HookReceiver,
  batchSeconds: number,
): Promise<DeliveryCheck> {
  const { all, mail } = dueEvents(commands, l.followed);

  const idsOfEvent = new Map<string, Set<string>>();
  const seenIds = new Set<string>();
  let redelivered = 0;
  for (const h of receiver.received) {
    if (!h.verified) continue;
    if (seenIds.has(h.id)) redelivered++;
    seenIds.add(h.id);
    idsOfEvent.set(h.eventId, (idsOfEvent.get(h.eventId) ?? new Set()).add(h.id));
  }
  const webhooks = {
    due: all.size,
    delivered: [...all.keys()].filter((id) => idsOfEvent.has(id)).length,
    lost: [...all.keys()].filter((id) => !idsOfEvent.has(id)).length,
    redelivered,
    duplicated: [...idsOfEvent.values()].filter((ids) => ids.size > 1).length,
    unverified: receiver.received.filter((h) => !h.verified).length,
    other: [...idsOfEvent.keys()].filter((id) => !all.has(id)).length,
  };

  // Which mail (Message-ID) the outbox put each entry in, and what became of the mail.
  const { rows } = await pool.query<{ message_id: string; state: string; event_id: string }>(
    `SELECT o.message_id, o.state, i.event_id::text FROM mail_items i
       JOIN mail_outbox o ON o.organisation_id = i.organisation_id AND o.id = i.mail_id
      WHERE o.person_id = $1 AND o.kind = 'entries'`,
    [l.personId],
  );
  const mailOf = new Map(rows.map((r) => [r.event_id, r.message_id]));
  const itemsOf = new Map<string, number>();
  const stateOf = new Map<string, string>();
  for (const r of rows) {
    itemsOf.set(r.message_id, (itemsOf.get(r.message_id) ?? 0) + 1);
    stateOf.set(r.message_id, r.state);
  }
  const received = new Map<string, ReceivedMail>();
  let mailRedelivered = 0;
  for (const m of mailbox.mails) {
    if (received.has(m.messageId)) mailRedelivered++;
    else received.set(m.messageId, m);
  }
  const dueMails = new Set(mail.map(([id]) => mailOf.get(id)).filter((m): m is string => !!m));
  const notSent: Record<string, number> = {};
  for (const m of dueMails) if (stateOf.get(m) !== 'sent') notSent[stateOf.get(m)!] = (notSent[stateOf.get(m)!] ?? 0) + 1;
  const count = (m: ReceivedMail) => [...m.entries.values()].reduce((a, b) => a + b, 0);

  // Entries by partnership as the received mails list them, against what is due.
  const listed = new Map<string, number>();
  for (const m of received.values()) for (const [p, n] of m.entries) listed.set(p, (listed.get(p) ?? 0) + n);
  const duePer = new Map<string, number>();
  for (const [, c] of mail) duePer.set(c.partnershipId, (duePer.get(c.partnershipId) ?? 0) + 1);
  const deliveredEntries = mail.filter(([id]) => received.has(mailOf.get(id) ?? '')).length;

  return {
    webhooks,
    mails: {
      due: dueMails.size,
      delivered: [...dueMails].filter((m) => received.has(m)).length,
      redelivered: mailRedelivered,
      contentMismatch: [...received.values()].filter((m) => count(m) !== (itemsOf.get(m.messageId) ?? -1)).length,
      estimate: estimateMails(
        mail.map(([, c]) => c.ackedAt ?? 0),
        batchSeconds,
      ),
      notSent,
    },
    entries: {
      due: mail.length,
      delivered: deliveredEntries,
      lost: mail.length - deliveredEntries,
      duplicated: [...listed].reduce((n, [p, k]) => n + Math.max(0, k - (duePer.get(p) ?? 0)), 0),
    },
  };
}

/** True once everything due has arrived (the drain's end), judged as checkDeliveries judges. */
export async function allArrived(pool: pg.Pool, l: Listeners, commands: Command[], mailbox: Mailbox, receiver: HookReceiver) {
  const c = await checkDeliveries(pool, l, commands, mailbox, receiver, 1);
  return { done: c.webhooks.lost === 0 && c.entries.lost === 0, webhooksLost: c.webhooks.lost, entriesLost: c.entries.lost };
}
