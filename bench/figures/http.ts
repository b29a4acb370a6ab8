// Figure 2: POST /api/v1/partnerships/{id}/aid-deliveries over 1,000 partnerships at 32 connections,
// with auth, validation and the rate-limit guard on, against the app started as a child process on
// a free port (its own event loop, as in production). autocannon drives it from this process.
import { cannon, type HttpResult } from '../lib/cannon.js';
import { createKey, startApp } from '../lib/app.js';

export interface HttpParams {
  connections: number;
  partnerships: number;
  warmupMs: number;
  durationMs: number;
}

export interface HttpFigure {
  connections: number;
  partnerships: number;
  result: HttpResult;
}

const AID = {
  occurredOn: '2024-05',
  receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  value: { amount: '125000.00', currency: 'EUR' },
  modality: 'in_kind',
  items: ['generators', 'medical supplies'],
  sector: 'energy',
};

export async function benchHttp(root: string, url: string, p: HttpParams, log: (s: string) => void): Promise<HttpFigure> {
  const key = await createKey(root, url, 'office');
  const app = await startApp(root, url, { poolSize: p.connections });
  try {
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    log(`http: creating ${p.partnerships} partnerships`);
    for (let i = 0; i < p.partnerships; i += 16) {
      await Promise.all(
        Array.from({ length: Math.min(16, p.partnerships - i) }, async (_, j) => {
          const body = {
            partnershipId: `bench-p-${i + j}`,
            occurredOn: '2022',
            ownMunicipality: { de: 'Dortmund', en: 'Dortmund' },
            tier: 'initiative',
          };
          const r = await fetch(`${app.base}/api/v1/partnerships`, { method: 'POST', headers, body: JSON.stringify(body) });
          if (r.status !== 201) throw new Error(`creating a partnership answered ${r.status}: ${await r.text()}`);
        }),
      );
    }
    let next = 0;
    log(`http: warm-up ${p.warmupMs / 1000}s, measuring ${p.durationMs / 1000}s at ${p.connections} connections`);
    const result = await cannon(app.base, {
      connections: p.connections,
      warmupMs: p.warmupMs,
      durationMs: p.durationMs,
      headers,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/partnerships/bench-p-${next++ % p.partnerships}/aid-deliveries`,
            body: JSON.stringify(AID),
          }),
        },
      ],
    });
    log(`  http: ${result.opsPerSecond.toFixed(0)} req/s (2xx) p50 ${result.p50Ms} p99 ${result.p99Ms} errors ${result.errors}`);
    return { connections: p.connections, partnerships: p.partnerships, result };
  } finally {
    await app.stop();
  }
}
