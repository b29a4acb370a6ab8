// A page of the projected timeline as JSON text built by PostgreSQL in one statement, so a large page
// is neither parsed by `pg` nor serialised again by the app. The entry's shape is the one rowToEntry,
// withActorNames, annotate and withRecordedBy give (timeline.step.ts, people.ts, timeline.queries.ts,
// organisations/access.ts); ENTRY lists its keys in that order, and a property test checks this SQL
// against those builders on random histories (test/integration/timeline-json.property.spec.ts), so
// the two cannot drift apart.
import pg from 'pg';
import { PERSON_ACTOR, UNNAMED_PERSON } from '../../../people/people.js';

const lit = (s: string) => pg.escapeLiteral(s);

/**
 * withActorNames in SQL: `names.m` maps each person's actor id on the page to the name shown (the
 * display name; the id itself when that is empty; "not recorded" without one); other actors stay.
 */
const actorName = (actor: string) => `coalesce(names.m->>(${actor}), ${actor})`;

/** A stored correction or retraction (jsonb) with its actor named. */
const named = (obj: string) =>
  `CASE WHEN names.m ? (${obj}->>'actor') THEN jsonb_set(${obj}, '{actor}', names.m->(${obj}->>'actor')) ELSE ${obj} END`;

/** $1 over the page's rows (`shown`): every person's actor id on it, with the name withActorNames shows. */
const NAMES = `SELECT coalesce(jsonb_object_agg(a.actor,
           CASE WHEN p.display_name = '' THEN a.actor ELSE coalesce(p.display_name, ${lit(UNNAMED_PERSON)}) END), '{}'::jsonb) AS m
    FROM (SELECT DISTINCT u.actor FROM shown t,
            LATERAL (SELECT t.actor UNION ALL SELECT t.retraction->>'actor'
                     UNION ALL SELECT c->>'actor' FROM jsonb_array_elements(t.corrections) AS c) AS u(actor)
           WHERE u.actor ~ ${lit(PERSON_ACTOR.source)}) AS a
    LEFT JOIN person p ON p.id = substr(a.actor, 8)::uuid`;

/** recordersOf (organisations/access.ts) in SQL: who recorded each entry of the page, on which side. */
const RECORDERS = `SELECT e.event_id, json_build_object('organisation', o.slug, 'side', coalesce(a.side, 'own')) AS recorded_by
    FROM shown t JOIN events e ON e.event_id = t.event_id JOIN organisations o ON o.id = e.organisation_id
    LEFT JOIN LATERAL (SELECT side FROM partnership_access x
                        WHERE x.partnership_id = e.stream_id AND x.organisation_id = e.organisation_id
                        ORDER BY x.side = 'own' DESC LIMIT 1) a ON true`;

/** The corrections of the page's corrected entries, their actors named, and whether one still counts. */
const CORRECTIONS = `SELECT t.event_id, json_agg(${named('x.c')} ORDER BY x.i) AS corrections,
         bool_or(x.c->'retracted' IS DISTINCT FROM 'true'::jsonb) AS corrected
    FROM shown t, names, jsonb_array_elements(t.corrections) WITH ORDINALITY AS x(c, i)
   GROUP BY t.event_id`;

/** One timeline entry as the API shows it: key, value (json, over row t, its corrections k, plan annotation a, receipt r and recorder b, and the page's names); an optional key only when not null. */
const ENTRY: { key: string; json: string; optional?: true }[] = [
  { key: 'eventId', json: 'to_json(t.event_id)' },
  { key: 'partnershipId', json: 'to_json(t.partnership_id)' },
  { key: 'streamVersion', json: 'to_json(t.stream_version)' },
  { key: 'type', json: 'to_json(t.type)' },
  { key: 'occurredOn', json: `coalesce(to_json(t.occurred_on), 'null'::json)` },
  { key: 'planned', json: 'to_json(t.planned)' },
  { key: 'data', json: 'to_json(t.data)' },
  // the value as first recorded, only when corrections changed it
  { key: 'original', json: `CASE WHEN t.corrections <> '[]'::jsonb THEN to_json(t.original) END`, optional: true },
  { key: 'corrections', json: `coalesce(k.corrections, '[]'::json)` },
  { key: 'corrected', json: `to_json(coalesce(k.corrected, false))` },
  { key: 'retracted', json: 'to_json(t.retracted)' },
  {
    key: 'retraction',
    json: `CASE WHEN t.retraction IS NULL OR t.retraction = 'null'::jsonb THEN 'null'::json ELSE to_json(${named('t.retraction')}) END`,
  },
  { key: 'recordedAt', json: `to_json(to_char(t.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))` },
  { key: 'actor', json: `coalesce(to_json(${actorName('t.actor')}), 'null'::json)` },
  { key: 'plan', json: 'a.plan', optional: true },
  { key: 'receipt', json: `CASE WHEN t.type = 'AidDelivered' AND NOT t.retracted THEN r.receipt END`, optional: true },
  // withRecordedBy (organisations/access.ts) adds it last
  { key: 'recordedBy', json: 'b.recorded_by', optional: true },
];

/**
 * ENTRY as one json_build_object per row: one variant per set of optional keys present, chosen by
 * CASE (json_build_object cannot leave a key out). Not json_object_agg over the keys: a subquery
 * per entry made the planner's estimate cross jit_above_cost, and compiling the statement took
 * longer than running it.
 */
function entryJson(): string {
  const optional = ENTRY.filter((f) => f.optional);
  const variants: string[] = [];
  for (let mask = (1 << optional.length) - 1; mask >= 0; mask--) {
    const present = new Set(optional.filter((_, i) => mask & (1 << i)));
    const object = `json_build_object(${ENTRY.filter((f) => !f.optional || present.has(f))
      .map((f) => `${lit(f.key)}, ${f.json}`)
      .join(', ')})`;
    const when = optional.map((f, i) => `(${f.json}) IS ${mask & (1 << i) ? 'NOT NULL' : 'NULL'}`).join(' AND ');
    variants.push(mask === 0 ? `ELSE ${object}` : `WHEN ${when} THEN ${object}`);
  }
  return `CASE ${variants.join('\n  ')} END`;
}

/** planAnnotations (plans.ts) in SQL: per plan entry of the status in force, how its plan ended up. */
const PLAN_ANNOTATIONS = `SELECT DISTINCT ON (x.id) x.id, CASE
      WHEN s.status = 'fulfilled' AND coalesce(pl.p->>'fulfilledBy', '') <> ''
        THEN json_build_object('uid', pl.p->'uid', 'status', s.status, 'fulfilledBy', pl.p->'fulfilledBy')
      ELSE json_build_object('uid', pl.p->'uid', 'status', s.status) END AS plan
    FROM st, jsonb_array_elements(st.state->'plans') WITH ORDINALITY AS pl(p, n), jsonb_array_elements_text(pl.p->'entries') AS x(id),
         LATERAL (SELECT CASE WHEN pl.p->>'current' IS DISTINCT FROM x.id AND pl.p->>'status' <> 'cancelled' THEN 'rescheduled'
                              ELSE pl.p->>'status' END AS status) AS s
   ORDER BY x.id, pl.n DESC`;

/** receiptAnnotations and receiptView (receipts.ts) in SQL: per delivery of the status in force, its receipt. */
const RECEIPT_ANNOTATIONS = `SELECT d.key AS id, json_build_object(
      'status', CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(d.value->'confirmations') c WHERE c->'received' = '"all"')
                     THEN 'confirmed' WHEN jsonb_array_length(d.value->'confirmations') > 0 THEN 'partly_confirmed'
                     ELSE 'awaiting' END,
      'receivedOn', coalesce(
         nullif((SELECT c->'receivedOn' FROM jsonb_array_elements(d.value->'confirmations') WITH ORDINALITY AS x(c, i)
                  WHERE c->'received' = '"all"' ORDER BY i LIMIT 1), 'null'::jsonb),
         d.value->'confirmations'->-1->'receivedOn', 'null'::jsonb),
      'confirmations', d.value->'confirmations') AS receipt
    FROM st, jsonb_each(st.state->'deliveries') AS d
   WHERE jsonb_typeof(st.state->'deliveries') = 'object'`;

/**
 * Every CTE is computed once (MATERIALIZED): inlined, the planner may evaluate the annotations of
 * the whole status once per entry in a nested loop.
 * $1 partnership, $2 day or null, $3 after stream version, $4 after sort date, $5 limit + 1 or null.
 * The same rows, order and page as TimelineQueries' projected page; the status in force that day for the annotations.
 */
const PAGE_JSON_SQL = `WITH st AS (
    SELECT coalesce(h.state, s.state) AS state FROM partnership_status s
      LEFT JOIN LATERAL (SELECT state FROM partnership_status_history
                          WHERE $2::date IS NOT NULL AND partnership_id = $1 AND valid_from <= $2::date
                          ORDER BY valid_from DESC LIMIT 1) h ON true
     WHERE s.partnership_id = $1),
  plans AS MATERIALIZED (${PLAN_ANNOTATIONS}),
  receipts AS MATERIALIZED (${RECEIPT_ANNOTATIONS}),
  page AS (
    SELECT t.*, row_number() OVER (ORDER BY t.sort_date NULLS LAST, t.stream_version) AS n
      FROM (SELECT * FROM timeline_entries WHERE partnership_id = $1 AND ($2::date IS NULL OR fold_date <= $2)
               AND ($3::int IS NULL
                    OR ($4::date IS NULL AND sort_date IS NULL AND stream_version > $3)
                    OR ($4::date IS NOT NULL AND (sort_date IS NULL OR sort_date > $4 OR (sort_date = $4 AND stream_version > $3))))
             ORDER BY sort_date NULLS LAST, stream_version LIMIT $5::int) AS t),
  shown AS (SELECT * FROM page WHERE $5::int IS NULL OR n < $5),
  names AS MATERIALIZED (${NAMES}),
  corrections AS MATERIALIZED (${CORRECTIONS}),
  recorders AS MATERIALIZED (${RECORDERS})
SELECT (SELECT coalesce(json_agg(${entryJson()} ORDER BY t.n), '[]'::json)::text
          FROM shown t CROSS JOIN names LEFT JOIN corrections k ON k.event_id = t.event_id
               LEFT JOIN plans a ON a.id = t.event_id::text LEFT JOIN receipts r ON r.id = t.event_id::text
               LEFT JOIN recorders b ON b.event_id = t.event_id) AS entries,
       (SELECT count(*)::int FROM page) AS fetched, (SELECT count(*)::int FROM shown) AS shown,
       (SELECT sort_date::text FROM shown ORDER BY n DESC LIMIT 1) AS last_sort_date,
       (SELECT stream_version FROM shown ORDER BY n DESC LIMIT 1) AS last_stream_version`;

/** Where a page starts (TimelineKey in timeline.queries.ts, which imports this module). */
interface PageKey {
  sortDate: string | null;
  streamVersion: number;
}

export interface TimelinePageJson {
  /** the entries as a JSON array */
  entries: string;
  next: PageKey | null;
}

/** The entries of one page of the projected timeline as JSON text (see TimelineQueries.page for what they are). */
export async function projectedEntriesJson(
  db: pg.Pool | pg.ClientBase,
  id: string,
  day: string | null,
  req: { limit?: number; after?: PageKey },
): Promise<TimelinePageJson> {
  const after = req.after;
  const { rows } = await db.query({
    name: 'timeline_page_json',
    text: PAGE_JSON_SQL,
    values: [id, day, after?.streamVersion ?? null, after?.sortDate ?? null, req.limit === undefined ? null : req.limit + 1],
  });
  const r = rows[0] as { entries: string; fetched: number; shown: number; last_sort_date: string | null; last_stream_version: number };
  return {
    entries: r.entries,
    next: r.fetched > r.shown ? { sortDate: r.last_sort_date, streamVersion: r.last_stream_version } : null,
  };
}
