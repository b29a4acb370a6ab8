// The soak's clients: commands with Idempotency-Keys across several partnerships, reads, report
// requests and public pages, spread over the API processes as a load balancer would. Every
// command is remembered with its key and body, so an unknown outcome can be retried later.
import { randomUUID } from 'node:crypto';
import type { ServiceProcess } from './processes.js';
import { sleep } from './processes.js';

export interface Command {
  key: string;
  path: string;
  body: Record<string, unknown>;
  partnershipId: string;
  /** event ids of the acknowledged answer */
  eventIds: string[] | null;
  /** when the first acknowledgement arrived */
  ackedAt: number | null;
  attempts: number;
  lastTriedAt: number;
}

export interface Tallies {
  statuses: Map<string, number>;
  reasons503: Map<string, number>;
  serverErrors: { at: string; status: number; body: string }[];
  unexpected: { at: string; status: number; body: string }[];
  reads: number;
  publicPages: number;
  reportsUnknown: number;
}

const API = '/api/v1/partnerships';
const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export class Load {
  readonly commands: Command[] = [];
  readonly reports = new Map<string, { type: string; requestedAt: number }>();
  readonly tallies: Tallies = {
    statuses: new Map(),
    reasons503: new Map(),
    serverErrors: [],
    unexpected: [],
    reads: 0,
    publicPages: 0,
    reportsUnknown: 0,
  };
  private stopped = false;
  private seq = 0;

  constructor(
    private readonly apis: ServiceProcess[],
    private readonly officeKey: string,
    readonly partnerships: string[],
  ) {}

  /** One request to any API that accepts a connection; null when the outcome is unknown. */
  private async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response | null> {
    const order = [...this.apis].sort(() => Math.random() - 0.5);
    for (const api of order) {
      try {
        const res = await fetch(`${api.url}${path}`, {
          method,
          headers: { Authorization: `Bearer ${this.officeKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(20_000),
        });
        add(this.tallies.statuses, String(res.status));
        return res;
      } catch (err) {
        // Refused before anything was sent: the balancer tries the next process.
        const code = ((err as Error).cause as { code?: string } | undefined)?.code;
        if (code === 'ECONNREFUSED') continue;
        add(this.tallies.statuses, 'no answer');
        return null;
      }
    }
    add(this.tallies.statuses, 'refused everywhere');
    return null;
  }

  private async judge(res: Response, what: string): Promise<unknown> {
    const text = await res.text();
    if (res.status >= 500 && res.status !== 503) this.tallies.serverErrors.push({ at: what, status: res.status, body: text.slice(0, 300) });
    if (res.status === 503) {
      let reason = '?';
      try {
        const p = JSON.parse(text) as { code?: string; reason?: string };
        reason = [p.code, p.reason].filter(Boolean).join('/');
      } catch {
        /* not problem+json: kept as ? */
      }
      add(this.tallies.reasons503, reason);
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 429)
      this.tallies.unexpected.push({ at: what, status: res.status, body: text.slice(0, 300) });
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }

  newCommand(partnershipId: string, path: string, body: Record<string, unknown>): Command {
    const c: Command = {
      key: `soak-${randomUUID()}`,
      path,
      body,
      partnershipId,
      eventIds: null,
      ackedAt: null,
      attempts: 0,
      lastTriedAt: 0,
    };
    this.commands.push(c);
    return c;
  }

  private randomCommand(): Command {
    const id = this.partnerships[Math.floor(Math.random() * this.partnerships.length)]!;
    const n = ++this.seq;
    const month = `202${2 + (n % 3)}-${String(1 + (n % 12)).padStart(2, '0')}`;
    const pick = n % 4;
    if (pick === 0)
      return this.newCommand(id, `${API}/${id}/aid-deliveries`, {
        occurredOn: month,
        receiver: { en: 'Mykolaiv', uk: 'Миколаїв' },
        value: { amount: `${(n % 900) + 100}.00`, currency: 'EUR' },
        modality: 'in_kind',
      });
    if (pick === 1) return this.newCommand(id, `${API}/${id}/notes`, { occurredOn: month, text: `Soak note ${n}` });
    if (pick === 2)
      return this.newCommand(id, `${API}/${id}/activities`, { occurredOn: month, title: `Exchange visit ${n}`, place: 'Vinnytsia' });
    return this.newCommand(id, `${API}/${id}/funding`, {
      occurredOn: month,
      funder: 'Regional programme',
      value: { amount: '5000.00', currency: 'EUR' },
    });
  }

  /** Sends (or re-sends with its key) one command; true once it is acknowledged. */
  async attempt(c: Command): Promise<boolean> {
    c.attempts++;
    c.lastTriedAt = Date.now();
    const res = await this.send('POST', c.path, c.body, { 'Idempotency-Key': c.key });
    if (!res) return false;
    const body = (await this.judge(res, `POST ${c.path}`)) as { events?: { eventId: string }[] };
    if (res.status === 200 || res.status === 201) {
      const ids = (body.events ?? []).map((e) => e.eventId);
      if (c.eventIds && c.eventIds.join() !== ids.join())
        this.tallies.unexpected.push({ at: 'replay differs', status: res.status, body: c.key });
      c.eventIds = ids;
      c.ackedAt ??= Date.now();
      return true;
    }
    return false;
  }

  private async read(): Promise<void> {
    const id = this.partnerships[Math.floor(Math.random() * this.partnerships.length)]!;
    const paths = [`${API}/${id}`, `${API}/${id}/timeline?limit=50`, `${API}?limit=20`];
    const path = paths[Math.floor(Math.random() * paths.length)]!;
    const res = await this.send('GET', path);
    this.tallies.reads++;
    if (res) await this.judge(res, `GET ${path.replace(id, ':id')}`);
  }

  private async publicPage(): Promise<void> {
    const path = Math.random() < 0.5 ? '/' : '/oparl/v1.1/system';
    const res = await this.send('GET', path, undefined, {});
    this.tallies.publicPages++;
    if (res) await this.judge(res, `GET ${path}`);
  }

  private async report(): Promise<void> {
    const id = this.partnerships[Math.floor(Math.random() * this.partnerships.length)]!;
    const body =
      Math.random() < 0.5
        ? { type: 'dossier', parameters: { partnershipId: id } }
        : { type: 'aid_summary', parameters: { from: '2022', to: '2024-12-31', partnershipId: id } };
    const res = await this.send('POST', '/api/v1/reports', body);
    if (!res) {
      this.tallies.reportsUnknown++;
      return;
    }
    const answer = (await this.judge(res, 'POST /api/v1/reports')) as { id?: string };
    if (res.status === 202 && answer.id) this.reports.set(answer.id, { type: body.type, requestedAt: Date.now() });
    else if (res.status >= 500) this.tallies.reportsUnknown++;
  }

  /** One client: a retry of an earlier unknown outcome when one is due, else a new request. */
  private async client(): Promise<void> {
    while (!this.stopped) {
      const due = this.commands.find((c) => !c.eventIds && c.attempts > 0 && Date.now() - c.lastTriedAt > 3000);
      const r = Math.random();
      if (due) await this.attempt(due);
      else if (r < 0.55) await this.attempt(this.randomCommand());
      else if (r < 0.85) await this.read();
      else if (r < 0.93) await this.report();
      else await this.publicPage();
      await sleep(50 + Math.random() * 250);
    }
  }

  private running: Promise<void>[] = [];

  start(clients: number): void {
    for (let i = 0; i < clients; i++) this.running.push(this.client());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  /** After the faults: every command without an answer is retried with its key until answered. */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = this.commands.filter((c) => !c.eventIds);
      if (!open.length || Date.now() > deadline) return;
      for (const c of open) await this.attempt(c);
      await sleep(1000);
    }
  }
}
