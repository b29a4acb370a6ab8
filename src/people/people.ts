// People who sign in. Events name them only by a pseudonymous actor id (`person:<uuid>`); the display
// name lives in the `person` table, so correcting or erasing it changes one row, never the log.
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';

type Db = pg.Pool | pg.ClientBase;

export const PERSON_ACTOR = /^person:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** Shown where a person's name was erased (or never given). */
export const UNNAMED_PERSON = 'a person whose name is not recorded';

export interface Person {
  id: string;
  actorId: string;
  issuer: string;
  subject: string;
  displayName: string | null;
  email: string | null;
}

export const actorIdOf = (personId: string) => `person:${personId}`;

const toPerson = (r: pg.QueryResultRow): Person => ({
  id: r.id,
  actorId: actorIdOf(r.id),
  issuer: r.issuer,
  subject: r.subject,
  displayName: r.display_name,
  email: r.email,
});

/** The person an IdP identity maps to, created at first sign-in; the name and e-mail follow the IdP. */
export async function upsertPerson(
  db: Db,
  who: { issuer: string; subject: string; displayName: string | null; email: string | null },
  now: Date,
): Promise<Person> {
  const { rows } = await db.query(
    `INSERT INTO person (id, issuer, subject, display_name, email, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (issuer, subject) DO UPDATE SET display_name = excluded.display_name, email = excluded.email, updated_at = $6
     RETURNING *`,
    [uuidv7(), who.issuer, who.subject, who.displayName, who.email, now],
  );
  return toPerson(rows[0]);
}

/** Display names of the `person:<uuid>` actor ids among `actors`; other actors (key names) are left out. */
async function displayNames(db: Db, actors: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const a of actors) {
    const m = a ? PERSON_ACTOR.exec(a) : null;
    if (m) ids.add(m[1]);
  }
  const names = new Map<string, string>();
  if (!ids.size) return names;
  const { rows } = await db.query('SELECT id, display_name FROM person WHERE id = ANY($1::uuid[])', [[...ids]]);
  const found = new Map(rows.map((r) => [r.id as string, r.display_name as string | null]));
  for (const id of ids) names.set(actorIdOf(id), found.get(id) ?? UNNAMED_PERSON);
  return names;
}

interface WithActors {
  actor: string | null;
  corrections: { actor: string | null }[];
  retraction: { actor: string | null } | null;
}

/** Timeline entries with each person's actor id replaced by their current display name. */
export async function withActorNames<E extends WithActors>(db: Db, entries: E[]): Promise<E[]> {
  const names = await displayNames(
    db,
    entries.flatMap((e) => [e.actor, e.retraction?.actor, ...e.corrections.map((c) => c.actor)]),
  );
  if (!names.size) return entries;
  const name = (a: string | null) => (a && names.get(a)) || a;
  return entries.map((e) => ({
    ...e,
    actor: name(e.actor),
    corrections: e.corrections.map((c) => ({ ...c, actor: name(c.actor) })),
    retraction: e.retraction ? { ...e.retraction, actor: name(e.retraction.actor) } : null,
  }));
}
