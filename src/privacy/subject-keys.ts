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
const normalizeName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();

const lookupKeys = new Map<string, Buffer>();
function lookupKey(master: MasterKey): Buffer {
  let k = lookupKeys.get(master.id);
  if (!k)
    lookupKeys.set(master.id, (k = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'partnership-ledger subject lookup', 32))));
  return k;
}

// The write path remembers subjects it found, which saves the append its round trips (the bench's
// encryption figure). Reads never trust that: every read asks the table which of its keys still
// exist (an erasure must show at once) and only reuses the unwrapping. An erasure evicts at once in
// the process that made it and, through its NOTIFY (erasure-listener.ts), in every listening one;
// the trust window bounds what a lost notification can leave. A write in that window may still seal
// under an erased key: that value then reads as erased too (docs/privacy.md).
export const PERSONAL_DATA_TRUST_MS = 10_000;
const CACHE_MAX = 10_000;

/**
 * At most `max` entries, the least recently used dropped first, in two generations: a hit in the old
 * one moves to the new one, and a full new one retires the old. Cheaper per hit than reordering a Map.
 */
class Lru<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(k: K): V | undefined {
    const v = this.young.get(k);
    if (v !== undefined) return v;
    const o = this.old.get(k);
    if (o !== undefined) {
      this.old.delete(k);
      this.set(k, o);
    }
    return o;
  }
  set(k: K, v: V): void {
    this.old.delete(k);
    this.young.set(k, v);
    if (this.young.size >= this.max / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }
  deleteWhere(drop: (v: V) => boolean): boolean {
    let dropped = false;
    for (const m of [this.young, this.old])
      for (const [k, v] of m)
        if (drop(v)) {
          m.delete(k);
          dropped = true;
        }
    return dropped;
  }
  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}

interface Lookup {
  normalized: string;
  lookup: Buffer;
  /** master key, organisation and lookup: where the write path remembers the subject */
  slot: string;
}

// An HMAC and a Unicode normalisation per value cost more than sealing it: each name's once.
const lookups = new Lru<string, Lookup>(CACHE_MAX);
const writeCache = new Lru<string, { at: number; subject: SubjectKey }>(CACHE_MAX);
// Unwrapping is an AES-GCM open per subject per read: each key's once, with the wrapped bytes it
// came from (a master-key rotation rewraps them).
const unwrapped = new Lru<string, { subjectId: string; wrapped: Buffer; key: Buffer }>(CACHE_MAX);

let generation = 0;

/** Counts erasures this process knows of: what it remembers from before one is dropped. */
export const erasureGeneration = (): number => generation;

/** Forget every subject this process remembers (an erasure here, or erasures it may have missed). */
export function forgetSubjects(): void {
  lookups.clear();
  writeCache.clear();
  unwrapped.clear();
  generation++;
}

/** Forget these subjects: erased in another process. */
export function forgetSubjectIds(subjectIds: Iterable<string>): void {
  evict(new Set(subjectIds));
  lookups.clear();
  generation++;
}

/**
 * Drops what is remembered of `gone`; true if anything was. The names go too, all of them: which
 * one was the erased person's cannot be told without the key, and each costs one HMAC to find again.
 */
function evict(gone: ReadonlySet<string>): boolean {
  const a = writeCache.deleteWhere((e) => gone.has(e.subject.subjectId));
  const b = unwrapped.deleteWhere((e) => gone.has(e.subjectId));
  if (a || b) lookups.clear();
  return a || b;
}

function lookupFor(master: MasterKey, organisationId: string, name: string): Lookup {
  const k = `${master.id}\n${organisationId}\n${name}`;
  let l = lookups.get(k);
  if (!l) {
    const normalized = normalizeName(name);
    const lookup = createHmac('sha256', lookupKey(master)).update(`${organisationId}\n${normalized}`).digest();
    l = { normalized, lookup, slot: `${master.id}\n${organisationId}\n${lookup.toString('hex')}` };
    lookups.set(k, l);
  }
  return l;
}

export const lookupOf = (master: MasterKey, organisationId: string, name: string): Buffer => lookupFor(master, organisationId, name).lookup;

/** A row's data key, unwrapped once per process while the row stays as it is. */
function unwrapOnce(master: MasterKey, subjectId: string, wrapped: Buffer): Buffer {
  const k = `${master.id}\n${subjectId}`;
  const hit = unwrapped.get(k);
  if (hit && hit.wrapped.equals(wrapped)) return hit.key;
  const key = unwrapKey(master, subjectId, wrapped);
  unwrapped.set(k, { subjectId, wrapped, key });
  return key;
}

const nameAad = (subjectId: string) => `subject-name:${subjectId}`;

interface KeyRow {
  subject_id: string;
  lookup: Buffer;
  wrapped_key: Buffer;
}

/**
 * The subject of each name, keyed by the name as given (names that normalise alike share one), created with a fresh key where the
 * organisation has none yet (also when an earlier subject of that name was erased: what is recorded
 * after an erasure is a new record). Remembered subjects cost no round trip; the others one, and
 * those still missing one more, which creates them all.
 */
export async function subjectsForNames(
  db: Db,
  master: MasterKey,
  organisationId: string,
  names: string[],
): Promise<Map<string, SubjectKey>> {
  const given = new Map(names.map((n) => [n, lookupFor(master, organisationId, n)]));
  const wanted = new Map([...given.values()].map((l) => [l.normalized, l]));
  const found = new Map<string, SubjectKey>();
  const result = () => new Map([...given].map(([n, l]) => [n, found.get(l.normalized)!]));
  const now = Date.now();
  for (const [name, l] of wanted) {
    const hit = writeCache.get(l.slot);
    if (hit && now - hit.at < PERSONAL_DATA_TRUST_MS) found.set(name, hit.subject);
  }
  if (found.size === wanted.size) return result();
  const take = (rows: KeyRow[]) => {
    const byLookup = new Map(rows.map((r) => [r.lookup.toString('hex'), r]));
    for (const [name, l] of wanted) {
      const r = byLookup.get(l.lookup.toString('hex'));
      if (!r || found.has(name)) continue;
      const subject = { subjectId: r.subject_id, key: unwrapOnce(master, r.subject_id, r.wrapped_key) };
      found.set(name, subject);
      writeCache.set(l.slot, { at: now, subject });
    }
  };
  const missing = () => [...wanted].filter(([name]) => !found.has(name));
  const read = async (ls: Lookup[]) =>
    take(
      (
        await db.query<KeyRow>(
          'SELECT subject_id, lookup, wrapped_key FROM subject_keys WHERE organisation_id = $1 AND lookup = ANY($2::bytea[])',
          [organisationId, ls.map((l) => l.lookup)],
        )
      ).rows,
    );
  await read(missing().map(([, l]) => l));
  const create = missing();
  if (!create.length) return result();
  const fresh = create.map(([name, l]) => {
    const subjectId = uuidv4();
    const key = randomBytes(32);
    return {
      l,
      subjectId,
      nameCt: sealBytes(key, Buffer.from(name, 'utf8'), nameAad(subjectId)),
      wrapped: wrapKey(master, subjectId, key),
    };
  });
  // One statement for all of them. A concurrent writer may create one first: its row wins, and the
  // statement's own read (or, if it committed after that read began, one more read) finds it.
  const { rows } = await db.query<KeyRow>(
    `WITH ins AS (
       INSERT INTO subject_keys (organisation_id, subject_id, lookup, name_ct, wrapped_key, master_key_id)
       SELECT $1, g.subject_id, g.lookup, g.name_ct, g.wrapped_key, $6
         FROM unnest($2::uuid[], $3::bytea[], $4::bytea[], $5::bytea[]) AS g(subject_id, lookup, name_ct, wrapped_key)
       ON CONFLICT (organisation_id, lookup) WHERE lookup IS NOT NULL DO NOTHING
       RETURNING subject_id, lookup, wrapped_key)
     SELECT subject_id, lookup, wrapped_key FROM ins
     UNION ALL
     SELECT subject_id, lookup, wrapped_key FROM subject_keys WHERE organisation_id = $1 AND lookup = ANY($3::bytea[])`,
    [
      organisationId,
      fresh.map((f) => f.subjectId),
      fresh.map((f) => f.l.lookup),
      fresh.map((f) => f.nameCt),
      fresh.map((f) => f.wrapped),
      master.id,
    ],
  );
  take(rows);
  const still = missing();
  if (still.length) await read(still.map(([, l]) => l));
  return result();
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
  // Asked on every read, never remembered: a key erased a moment ago must not open anything.
  const { rows } = await asSystem(() =>
    db.query('SELECT subject_id, wrapped_key FROM subject_keys WHERE subject_id = ANY($1::uuid[])', [ids]),
  );
  for (const r of rows) keys.set(r.subject_id, unwrapOnce(master, r.subject_id, r.wrapped_key));
  // A key gone that this process still remembered was erased elsewhere: forget it now, and what
  // was decided on it (a read of a long-erased subject, remembered by nobody, changes nothing).
  if (keys.size < ids.length && evict(new Set(ids.filter((id) => !keys.has(id))))) generation++;
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
