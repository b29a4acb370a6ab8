// The HTTP command load of the HTTP and tracing figures: partnerships made over the API, then
// POST /api/v1/partnerships/{id}/aid-deliveries round-robin over them at a fixed number of
// connections. One copy, so both figures measure the same requests.
import pg from 'pg';
import { cannon, type HttpResult } from './cannon.js';

export const AID = {
  occurredOn: '2024-05',
  receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  value: { amount: '125000.00', currency: 'EUR' },
  modality: 'in_kind',
  items: ['generators', 'medical supplies'],
  sector: 'energy',
};

export const officeHeaders = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

/** `<prefix>0` … `<prefix>{n-1}`, 16 at a time. */
export async function createPartnerships(base: string, headers: Record<string, string>, prefix: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, n - i) }, async (_, j) => {
        const body = {
          partnershipId: `${prefix}${i + j}`,
          occurredOn: '2022',
          ownMunicipality: { de: 'Dortmund', en: 'Dortmund' },
          tier: 'initiative',
        };
        const r = await fetch(`${base}/api/v1/partnerships`, { method: 'POST', headers, body: JSON.stringify(body) });
        if (r.status !== 201) throw new Error(`creating a partnership answered ${r.status}: ${await r.text()}`);
      }),
    );
  }
}

/** Aid deliveries over `partnerships` partnerships named `<prefix>N`, as autocannon measures them. */
export function aidDeliveries(
  base: string,
  headers: Record<string, string>,
  p: { prefix: string; partnerships: number; connections: number; warmupMs: number; durationMs: number },
): Promise<HttpResult> {
  let next = 0;
  return cannon(base, {
    connections: p.connections,
    warmupMs: p.warmupMs,
    durationMs: p.durationMs,
    headers,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/partnerships/${p.prefix}${next++ % p.partnerships}/aid-deliveries`,
          body: JSON.stringify(AID),
        }),
      },
    ],
  });
}

export async function sql<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Waits until the status rows account for every event (the backlog of the closed-loop phase applied). */
export async function projectionCaughtUp(url: string): Promise<void> {
  await sql(url, async (c) => {
    for (const until = Date.now() + 120_000; Date.now() < until;) {
      const { rows } = await c.query<{ behind: number }>(
        `SELECT (SELECT count(*) FROM events) - (SELECT coalesce(sum(version), 0) FROM partnership_status) AS behind`,
      );
      if (Number(rows[0].behind) <= 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the projection did not catch up within 120 s');
  });
}
