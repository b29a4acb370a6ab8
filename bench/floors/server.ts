// The floors of the HTTP figures: a bare node:http server, run as a child process like the app, on a
// pg.Pool of the same size. No framework, no auth, no validation, no checks — what is left is the
// least any server on this machine must do for the same answer:
//   POST /cmd/{id}       JSON.parse the body, one INSERT of the row the app would write (hash chained
//                        here, in memory), answer 201 with a small JSON body (the command floor);
//   GET /timeline/{id}   one SQL query that builds the page's JSON text in PostgreSQL (json_agg),
//                        sent as it comes (the read floor).
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 32) });
const heads = new Map<string, { version: number; hash: string | null }>();

// organisation_id as the app writes it (its NOT NULL came with the organisations; the floor failed
// every command until it was sent): the instance's organisation, which owns the bench's partnerships.
const INSERT = `INSERT INTO floor_events (event_id, stream_id, stream_version, type, schema_version, data, metadata,
  occurred_at, prev_hash, hash, organisation_id) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11)`;
const ORGANISATION_ID = '00000000-0000-4000-8000-000000000001';

// The same entries, order and page size as GET /api/v1/partnerships/{id}/timeline, built in one statement.
const TIMELINE = `SELECT json_build_object(
    'partnershipId', $1::text,
    'version', (SELECT version FROM partnership_status WHERE partnership_id = $1),
    'entries', coalesce((SELECT json_agg(t) FROM (
        SELECT event_id AS "eventId", stream_version AS "streamVersion", type, occurred_on AS "occurredOn", planned, data,
               corrections, retracted, retraction, recorded_at AS "recordedAt", actor
          FROM timeline_entries WHERE partnership_id = $1
         ORDER BY sort_date NULLS LAST, stream_version LIMIT $2) t), '[]'::json))::text AS body`;

async function command(id: string, body: string): Promise<string> {
  const data = JSON.parse(body) as Record<string, unknown>;
  const head = heads.get(id) ?? { version: 0, hash: null };
  const version = head.version + 1;
  const eventId = randomUUID();
  const metadata = JSON.stringify({ actor: 'floor', correlationId: randomUUID(), requestId: randomUUID(), source: 'api' });
  const text = JSON.stringify(data);
  const hash = createHash('sha256')
    .update((head.hash ?? '') + JSON.stringify([id, version, eventId, 'AidDelivered', 1, text, metadata, null]))
    .digest('hex');
  heads.set(id, { version, hash });
  await pool.query({
    name: 'floor_insert',
    text: INSERT,
    values: [eventId, id, version, 'AidDelivered', 1, text, metadata, null, head.hash, hash, ORGANISATION_ID],
  });
  return JSON.stringify({ partnershipId: id, version, events: [{ eventId, type: 'AidDelivered', streamVersion: version }] });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  const parts = url.pathname.split('/');
  const fail = (err: unknown) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
  };
  if (req.method === 'POST' && parts[1] === 'cmd') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      command(decodeURIComponent(parts[2]), Buffer.concat(chunks).toString('utf8')).then(
        (out) => res.writeHead(201, { 'content-type': 'application/json' }).end(out),
        fail,
      );
    });
  } else if (req.method === 'GET' && parts[1] === 'timeline') {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    pool
      .query<{ body: string }>({ name: 'floor_timeline', text: TIMELINE, values: [decodeURIComponent(parts[2]), limit] })
      .then((r) => res.writeHead(200, { 'content-type': 'application/json' }).end(r.rows[0].body), fail);
  } else if (parts[1] === 'health') res.writeHead(200).end('ok');
  else res.writeHead(404).end();
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
