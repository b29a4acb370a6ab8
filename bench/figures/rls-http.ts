// Figure 5b: the cost of row-level security as the service pays it, over HTTP. The same app on the
// same data, started twice in alternation: as it runs (request work as `ledger_app`, policies
// applied) and with DATABASE_APP_ROLE empty (request work as the connecting role, which bypasses
// the policies; the organisation is still set). Reads: one partnership's timeline page; commands:
// an aid delivery. Rounds alternate so the machine's drift falls on both sides alike.
import { cannon, type HttpResult } from '../lib/cannon.js';
import { createKey, startApp } from '../lib/app.js';
import { AID, aidDeliveries } from '../lib/aid-load.js';

export interface RlsHttpParams {
  connections: number;
  partnerships: number;
  entriesPerPartnership: number;
  rounds: number;
  warmupMs: number;
  durationMs: number;
}

interface Side {
  read: HttpResult[];
  command: HttpResult[];
}

export interface RlsHttpFigure {
  connections: number;
  partnerships: number;
  rounds: number;
  rls: Side;
  bypassed: Side;
  /** RLS ÷ bypassed, 2xx per second summed over the rounds */
  readRatio: number;
  commandRatio: number;
}

export async function benchRlsHttp(root: string, url: string, p: RlsHttpParams, log: (s: string) => void): Promise<RlsHttpFigure> {
  const key = await createKey(root, url, 'office');
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const id = (i: number) => `bench-rls-${i}`;
  const setup = await startApp(root, url, { poolSize: 8 });
  try {
    log(`rls over http: ${p.partnerships} partnerships × ${p.entriesPerPartnership} entries`);
    for (let i = 0; i < p.partnerships; i++) {
      const body = { partnershipId: id(i), occurredOn: '2022', ownMunicipality: { de: 'Dortmund', en: 'Dortmund' }, tier: 'initiative' };
      const r = await fetch(`${setup.base}/api/v1/partnerships`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (r.status !== 201) throw new Error(`creating a partnership answered ${r.status}: ${await r.text()}`);
      for (let n = 1; n < p.entriesPerPartnership; n++) {
        const a = await fetch(`${setup.base}/api/v1/partnerships/${id(i)}/aid-deliveries`, {
          method: 'POST',
          headers,
          body: JSON.stringify(AID),
        });
        if (a.status !== 201) throw new Error(`recording aid answered ${a.status}: ${await a.text()}`);
      }
    }
  } finally {
    await setup.stop();
  }
  const sides: Record<'rls' | 'bypassed', Side> = { rls: { read: [], command: [] }, bypassed: { read: [], command: [] } };
  for (let round = 0; round < p.rounds; round++)
    for (const side of round % 2 === 0 ? (['rls', 'bypassed'] as const) : (['bypassed', 'rls'] as const)) {
      const app = await startApp(root, url, { poolSize: p.connections, env: side === 'bypassed' ? { DATABASE_APP_ROLE: '' } : {} });
      try {
        let next = 0;
        const read = await cannon(app.base, {
          connections: p.connections,
          warmupMs: p.warmupMs,
          durationMs: p.durationMs,
          headers,
          requests: [
            { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/partnerships/${id(next++ % p.partnerships)}/timeline` }) },
          ],
        });
        const command = await aidDeliveries(app.base, headers, {
          prefix: 'bench-rls-',
          partnerships: p.partnerships,
          connections: p.connections,
          warmupMs: p.warmupMs,
          durationMs: p.durationMs,
        });
        log(
          `  round ${round + 1} ${side}: timeline ${read.opsPerSecond.toFixed(0)} req/s, command ${command.opsPerSecond.toFixed(0)} req/s`,
        );
        sides[side].read.push(read);
        sides[side].command.push(command);
      } finally {
        await app.stop();
      }
    }
  const sum = (rs: HttpResult[]) => rs.reduce((n, r) => n + r.opsPerSecond, 0);
  return {
    connections: p.connections,
    partnerships: p.partnerships,
    rounds: p.rounds,
    rls: sides.rls,
    bypassed: sides.bypassed,
    readRatio: sum(sides.rls.read) / sum(sides.bypassed.read),
    commandRatio: sum(sides.rls.command) / sum(sides.bypassed.command),
  };
}
