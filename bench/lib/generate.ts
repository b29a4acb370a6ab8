// Fast event generation for the rebuild and read figures: valid domain events written by calling
// the SQL function append_events() directly with up to 1,000 events per call (the same function the
// store uses, so the hash chain and positions are real), skipping the store's per-call JS work.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

interface GenEvent {
  type: string;
  data: Record<string, unknown>;
}

const MONTHS = Array.from({ length: 36 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** Event `i` (0-based) of partnership `id`: initiated first, then notes and aid deliveries (1 in 3 a note). */
function generatedEvent(id: string, i: number): GenEvent {
  if (i === 0)
    return {
      type: 'PartnershipInitiated',
      data: { partnershipId: id, ownMunicipality: { en: 'X' }, tier: 'initiative', occurredOn: { date: '2022', precision: 'year' } },
    };
  const occurredOn = { date: MONTHS[i % MONTHS.length], precision: 'month' };
  if (i % 3 === 0)
    return { type: 'NoteAdded', data: { occurredOn, text: `Note ${i}: call with the partner office about the next delivery.` } };
  return {
    type: 'AidDelivered',
    data: { occurredOn, receiver: { en: 'Zhytomyr' }, value: { amount: '1.00', currency: 'EUR' }, modality: 'cash' },
  };
}

function payload(id: string, from: number, to: number): string {
  const events = [];
  for (let i = from; i < to; i++) {
    const e = generatedEvent(id, i);
    events.push({
      event_id: randomUUID(),
      type: e.type,
      schema_version: 1,
      data: e.data,
      metadata: { actor: 'bench', source: 'bench' },
      occurred_at: null,
    });
  }
  return JSON.stringify(events);
}

/** Writes `events` events to stream `id` in calls of up to 1,000 events, on one client. */
async function writeStream(db: pg.Pool | pg.ClientBase, id: string, events: number): Promise<void> {
  for (let from = 0; from < events; from += 1000) {
    const to = Math.min(events, from + 1000);
    await db.query('SELECT count(*) FROM append_events($1, $2, $3::jsonb)', [
      id,
      from === 0 ? 'no_stream' : String(from),
      payload(id, from, to),
    ]);
  }
}

/** `partnerships` streams of `perStream` events each, `concurrency` calls in flight. */
export async function generate(
  url: string,
  p: { prefix: string; partnerships: number; perStream: number; concurrency: number },
  onProgress?: (written: number) => void,
): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: p.concurrency });
  let next = 0;
  let written = 0;
  try {
    await Promise.all(
      Array.from({ length: p.concurrency }, async () => {
        for (let k = next++; k < p.partnerships; k = next++) {
          await writeStream(pool, `${p.prefix}-${k}`, p.perStream);
          written += p.perStream;
          onProgress?.(written);
        }
      }),
    );
  } finally {
    await pool.end();
  }
}

/** Writes the given events to a new stream with append_events(), up to 1,000 per call. */
export async function writeEvents(
  db: pg.Pool | pg.ClientBase,
  id: string,
  events: { type: string; data: unknown; metadata?: Record<string, unknown> }[],
): Promise<void> {
  for (let from = 0; from < events.length; from += 1000) {
    const chunk = events.slice(from, from + 1000).map((e) => ({
      event_id: randomUUID(),
      type: e.type,
      schema_version: 1,
      data: e.data,
      metadata: e.metadata ?? { actor: 'bench', source: 'bench' },
      occurred_at: null,
    }));
    await db.query('SELECT count(*) FROM append_events($1, $2, $3::jsonb)', [
      id,
      from === 0 ? 'no_stream' : String(from),
      JSON.stringify(chunk),
    ]);
  }
}
