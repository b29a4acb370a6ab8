// Data subjects and their keys (table subject_keys): one random AES-256 key per subject, stored only
// wrapped by the master key. A person named in a personal field is found again by an HMAC of the
// name as recorded (normalised), per organisation, so the table never holds a name in the clear.
import { asSystem } from '../shared/db-scope.js';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { v4 as uuidv4 } from 'uuid';
import { openBytes, sealBytes, unwrapKey, wrapKey, type MasterKey } from './master-key.js';

type Db = pg.Pool | pg.ClientBase;

export interface SubjectKey {
  subjectId: string;
  key: Buffer;
}

/** The name as it identifies a person: Unicode-normalised, spaces collapsed, case folded. */
export const normalizeName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();

const lookupKeys = new Map<string, Buffer>();
function lookupKey(master: MasterKey): Buffer {
  let k = lookupKeys.get(master.id);
  if (!k)
    lookupKeys.set(master.id, (k = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'partnership-ledger subject lookup', 32))));
  return k;
}

// The write path remembers subjects it found for a few seconds, which saves the append a round trip
// (the bench's encryption figure). Reads never use it: an erasure must show at once. A write in the
// seconds after an erasure in another process may still seal under the erased key, so that value
// reads as erased too (docs/privacy.md); an erasure in this process forgets at once.
export const PERSONAL_DATA_TRUST_MS = 10_000;
const WRITE_CACHE_MS = PERSONAL_DATA_TRUST_MS;
const WRITE_CACHE_MAX = 10_000;
const writeCache = new Map<string, { at: number; subject: SubjectKey }>();

let generation = 0;

/** Counts erasures in this process: what the write path remembers from before one is dropped. */
export const erasureGeneration = (): number => generation;

/** Forget the subjects the write path remembers (after an erasure). */
export function forgetSubjects(): void {
  writeCache.clear();
  generation++;
}

export const lookupOf = (master: MasterKey, organisationId: string, name: string): Buffer =>
  createHmac('sha256', lookupKey(master))
    .update(`${organisationId}\n${normalizeName(name)}`)
    .digest();

const nameAad = (subjectId: string) => `subject-name:${subjectId}`;

/**
 * The subject of each name, created with a fresh key where the organisation has none yet (also when
 * an earlier subject of that name was erased: what is recorded after an erasure is a new record).
 */
export async function subjectsForNames(
  db: Db,
  master: MasterKey,
  organisationId: string,
  names: string[],
): Promise<Map<string, SubjectKey>> {
  const byName = new Map<string, Buffer>();
  for (const n of names) byName.set(normalizeName(n), lookupOf(master, organisationId, n));
  const found = new Map<string, SubjectKey>();
  const now = Date.now();
  const cacheKey = (lookup: Buffer) => `${master.id}\n${organisationId}\n${lookup.toString('hex')}`;
  for (const [name, lookup] of byName) {
    const hit = writeCache.get(cacheKey(lookup));
    if (hit && now - hit.at < WRITE_CACHE_MS) found.set(name, hit.subject);
  }
  if (found.size === byName.size) return found;
  const read = async () => {
    const { rows } = await db.query(
      'SELECT subject_id, lookup, wrapped_key FROM subject_keys WHERE organisation_id = $1 AND lookup = ANY($2::bytea[])',
      [organisationId, [...byName.values()]],
    );
    const byLookup = new Map(rows.map((r) => [(r.lookup as Buffer).toString('hex'), r]));
    for (const [name, lookup] of byName) {
      const r = byLookup.get(lookup.toString('hex'));
      if (!r || found.has(name)) continue;
      const subject = { subjectId: r.subject_id as string, key: unwrapKey(master, r.subject_id, r.wrapped_key) };
      found.set(name, subject);
      if (writeCache.size >= WRITE_CACHE_MAX) writeCache.clear();
      writeCache.set(cacheKey(lookup), { at: now, subject });
    }
  };
  await read();
  const missing = [...byName].filter(([name]) => !found.has(name));
  if (!missing.length) return found;
  for (const [name, lookup] of missing) {
    const subjectId = uuidv4();
    const key = randomBytes(32);
    // A concurrent writer may create the same subject first: its row wins, and is read below.
    await db.query(
      `INSERT INTO subject_keys (organisation_id, subject_id, lookup, name_ct, wrapped_key, master_key_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id, lookup) WHERE lookup IS NOT NULL DO NOTHING`,
      [
        organisationId,
        subjectId,
        lookup,
        sealBytes(key, Buffer.from(name, 'utf8'), nameAad(subjectId)),
        wrapKey(master, subjectId, key),
        master.id,
      ],
    );
  }
  await read();
  return found;
}

/** A subject of its own, found by no name (free text that names nobody else in its entry). */
export async function anonymousSubject(db: Db, master: MasterKey, organisationId: string): Promise<SubjectKey> {
  const subjectId = uuidv4();
  const key = randomBytes(32);
  await db.query(`INSERT INTO subject_keys (organisation_id, subject_id, wrapped_key, master_key_id) VALUES ($1, $2, $3, $4)`, [
    organisationId,
    subjectId,
    wrapKey(master, subjectId, key),
    master.id,
  ]);
  return { subjectId, key };
}

/** The keys of those of `subjectIds` that are not erased. */
export async function keysOf(db: Db, master: MasterKey, subjectIds: Iterable<string>): Promise<Map<string, Buffer>> {
  const ids = [...new Set(subjectIds)];
  const keys = new Map<string, Buffer>();
  if (!ids.length) return keys;
  // The keys of envelopes the caller has already read under its own rows' policies: a partner
  // organisation opens the owner's subjects in a shared partnership (keys belong to the owner).
  const { rows } = await asSystem(() =>
    db.query('SELECT subject_id, wrapped_key FROM subject_keys WHERE subject_id = ANY($1::uuid[])', [ids]),
  );
  for (const r of rows) keys.set(r.subject_id, unwrapKey(master, r.subject_id, r.wrapped_key));
  return keys;
}

/** The subject a name identifies in an organisation, or null (never recorded, or erased). */
export async function subjectOfName(db: Db, master: MasterKey, organisationId: string, name: string): Promise<string | null> {
  const { rows } = await db.query('SELECT subject_id FROM subject_keys WHERE organisation_id = $1 AND lookup = $2', [
    organisationId,
    lookupOf(master, organisationId, name),
  ]);
  return rows[0]?.subject_id ?? null;
}

/** The normalised name a subject was found by, or null (an anonymous subject, or erased). */
export function nameOf(subjectId: string, key: Buffer, nameCt: Buffer | null): string | null {
  return nameCt ? openBytes(key, nameCt, nameAad(subjectId)).toString('utf8') : null;
}
