// The write path encrypts personal values before an event reaches the store, so the hash chain
// covers the ciphertext and deleting a subject's key leaves every chain and checkpoint valid. The
// read paths open what they read: a value whose key is gone reads as "[erased]".
import type pg from 'pg';
import { personalValues, replacePersonal, type PersonalTexts } from '../partnerships/domain/index.js';
import { ERASED, isErasedMarker } from './erased.js';
import { currentMasterKey, openBytes, sealParts, type MasterKey } from './master-key.js';
import { anonymousSubject, erasureGeneration, keysOf, subjectsForNames, type SubjectKey } from './subject-keys.js';

type Db = pg.Pool | pg.ClientBase;

/** How a personal value is stored in event data. */
export interface Envelope {
  $enc: 'v1';
  subject: string;
  iv: string;
  ct: string;
  tag: string;
}

export const isEnvelope = (v: unknown): v is Envelope =>
  typeof v === 'object' &&
  v !== null &&
  (v as { $enc?: unknown }).$enc === 'v1' &&
  typeof (v as { subject?: unknown }).subject === 'string';

function sealValue(s: SubjectKey, value: unknown): Envelope {
  const { iv, tag, ct } = sealParts(s.key, Buffer.from(JSON.stringify(value), 'utf8'), s.subjectId);
  return { $enc: 'v1', subject: s.subjectId, iv: iv.toString('base64'), tag: tag.toString('base64'), ct: ct.toString('base64') };
}

// A name recorded again under the same subject reuses its envelope: an office names the same people
// again and again, and the AES-GCM seal was most of the write path's cost. The same plaintext under
// the same key and nonce gives the same ciphertext, which tells no more than the subject id beside it
// (a name is its own subject) and never two different plaintexts under one nonce. Free text is sealed
// afresh each time, so two equal notes do not show as equal. An erasure this process learns of drops
// them all (the subject's key is gone; a new record of the name gets a new subject).
const SEALED_NAMES_MAX = 10_000;
let sealedNames = new Map<string, Envelope>();
let sealedAt = erasureGeneration();

function sealName(s: SubjectKey, name: string): Envelope {
  if (sealedAt !== erasureGeneration() || sealedNames.size >= SEALED_NAMES_MAX) {
    sealedNames = new Map();
    sealedAt = erasureGeneration();
  }
  const k = `${s.subjectId}\n${name}`;
  let e = sealedNames.get(k);
  if (!e) sealedNames.set(k, (e = Object.freeze(sealValue(s, name))));
  return e;
}

export function openValue(key: Buffer, e: Envelope): unknown {
  const sealed = Buffer.concat([Buffer.from(e.iv, 'base64'), Buffer.from(e.tag, 'base64'), Buffer.from(e.ct, 'base64')]);
  return JSON.parse(openBytes(key, sealed, e.subject).toString('utf8'));
}

interface Sealable {
  type: string;
  data: unknown;
}

/**
 * Events with every personal value encrypted under its subject's key. A name is its own subject;
 * free text an office treats as personal belongs to the entry's contact person, else to the first
 * person the entry names, else to a subject of its own. Erased markers are not a person and stay.
 */
export async function sealEvents<E extends Sealable>(
  db: Db,
  organisationId: string,
  events: E[],
  texts?: PersonalTexts,
  master: MasterKey = currentMasterKey(),
): Promise<E[]> {
  const found = events.map((e) => personalValues(e.type, e.data, texts).filter((v) => !isErasedMarker(v.value)));
  const names = found.flat().filter((v) => v.kind === 'name');
  if (!found.some((f) => f.length)) return events;
  const subjects = names.length
    ? await subjectsForNames(
        db,
        master,
        organisationId,
        names.map((v) => v.value),
      )
    : new Map<string, SubjectKey>();
  const out: E[] = [];
  for (const [i, e] of events.entries()) {
    const values = found[i];
    if (!values.length) {
      out.push(e);
      continue;
    }
    const named = values.filter((v) => v.kind === 'name');
    const about = named.find((v) => v.path[v.path.length - 1] === 'contactPerson') ?? named[0];
    const textSubject = values.some((v) => v.kind === 'text')
      ? about
        ? subjects.get(about.value)!
        : await anonymousSubject(db, master, organisationId)
      : undefined;
    const data = replacePersonal(e.data, values, (v) =>
      v.kind === 'name' ? sealName(subjects.get(v.value)!, v.value) : sealValue(textSubject!, v.value),
    );
    out.push({ ...e, data });
  }
  return out;
}

/** Every envelope in `v` (any depth). */
function envelopesIn(v: unknown, out: Envelope[]): void {
  if (Array.isArray(v)) for (const e of v) envelopesIn(e, out);
  else if (isEnvelope(v)) out.push(v);
  else if (typeof v === 'object' && v !== null) for (const e of Object.values(v)) envelopesIn(e, out);
}

/** `v` with its envelopes opened; what holds none is returned as it is, not copied. */
function opened(v: unknown, keys: Map<string, Buffer>): unknown {
  if (isEnvelope(v)) {
    const key = keys.get(v.subject);
    return key ? openValue(key, v) : ERASED;
  }
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const o = opened(v[i], keys);
      if (o !== v[i]) (out ??= v.slice())[i] = o;
    }
    return out ?? v;
  }
  if (typeof v === 'object' && v !== null) {
    let out: Record<string, unknown> | undefined;
    for (const [k, e] of Object.entries(v)) {
      const o = opened(e, keys);
      // defined, not assigned: JSON may hold a "__proto__" key
      if (o !== e) Object.defineProperty((out ??= { ...v }), k, { value: o, enumerable: true, writable: true, configurable: true });
    }
    return out ?? v;
  }
  return v;
}

/** The subjects whose values `data` holds. */
export function subjectsIn(data: unknown): string[] {
  const found: Envelope[] = [];
  envelopesIn(data, found);
  return [...new Set(found.map((e) => e.subject))];
}

/**
 * Events as readers see them: personal values decrypted, or "[erased]" where the key is gone. One
 * query for the keys of every subject in the batch; events and parts without envelopes are returned
 * as they are.
 */
export async function openEvents<E extends { data: unknown }>(db: Db, events: E[], master: MasterKey = currentMasterKey()): Promise<E[]> {
  const found: Envelope[] = [];
  const holding = events.map((e) => {
    const before = found.length;
    envelopesIn(e.data, found);
    return found.length > before;
  });
  if (!found.length) return events;
  const keys = await keysOf(
    db,
    master,
    found.map((e) => e.subject),
  );
  return events.map((e, i) => (holding[i] ? { ...e, data: opened(e.data, keys) } : e));
}
