// A subject access request (GDPR Art. 15): everything the ledger holds about one subject, decrypted,
// with where each value is. Also the master-key rotation and the replay of an erasure log.
import type pg from 'pg';
import { withTransaction } from '../event-store/transaction.js';
import { currentMasterKey, type MasterKey, unwrapKey, wrapKey } from './master-key.js';
import { isEnvelope, openValue } from './sealing.js';
import { lookupOf, nameOf } from './subject-keys.js';

export interface SubjectExport {
  subjectId: string;
  organisationId: string | null;
  /** the name the subject is found by (normalised); null for free text of its own subject */
  name: string | null;
  erased: boolean;
  erasures: { id: string; erasedAt: string; erasedBy: string; reason: string }[];
  values: { eventId: string; partnershipId: string; type: string; recordedAt: string; path: string; value: unknown }[];
  /** sign-in accounts whose display name is this name (the actor ids events carry) */
  accounts: { actorId: string; displayName: string | null; email: string | null }[];
}

function pathsIn(v: unknown, subjectId: string, key: Buffer | null, at: string, out: { path: string; value: unknown }[]): void {
  if (isEnvelope(v)) {
    if (v.subject === subjectId) out.push({ path: at, value: key ? openValue(key, v) : '[erased]' });
  } else if (Array.isArray(v)) v.forEach((e, i) => pathsIn(e, subjectId, key, `${at}[${i}]`, out));
  else if (typeof v === 'object' && v !== null)
    for (const [k, e] of Object.entries(v)) pathsIn(e, subjectId, key, at ? `${at}.${k}` : k, out);
}

export async function exportSubject(db: pg.Pool, subjectId: string, master: MasterKey = currentMasterKey()): Promise<SubjectExport> {
  const { rows: keyRows } = await db.query('SELECT organisation_id, wrapped_key, name_ct FROM subject_keys WHERE subject_id = $1', [
    subjectId,
  ]);
  const k = keyRows[0];
  const key = k ? unwrapKey(master, subjectId, k.wrapped_key) : null;
  const name = k && key ? nameOf(subjectId, key, k.name_ct) : null;
  const { rows: erasures } = await db.query(
    'SELECT organisation_id, id, erased_at, erased_by, reason FROM erasures WHERE subject_id = $1 ORDER BY erased_at',
    [subjectId],
  );
  const { rows: events } = await db.query(
    'SELECT event_id, stream_id, type, recorded_at, data FROM events WHERE strpos(data::text, $1) > 0 ORDER BY transaction_id, global_position',
    [subjectId],
  );
  const values: SubjectExport['values'] = [];
  for (const e of events) {
    const found: { path: string; value: unknown }[] = [];
    pathsIn(e.data, subjectId, key, '', found);
    for (const f of found)
      values.push({ eventId: e.event_id, partnershipId: e.stream_id, type: e.type, recordedAt: e.recorded_at.toISOString(), ...f });
  }
  const accounts = name
    ? (await db.query('SELECT id, display_name, email FROM person WHERE lower(display_name) = $1', [name])).rows.map((r) => ({
        actorId: `person:${r.id}`,
        displayName: r.display_name,
        email: r.email,
      }))
    : [];
  return {
    subjectId,
    organisationId: k?.organisation_id ?? erasures[0]?.organisation_id ?? null,
    name,
    erased: !k,
    erasures: erasures.map((r) => ({ id: r.id, erasedAt: r.erased_at.toISOString(), erasedBy: r.erased_by, reason: r.reason })),
    values,
    accounts,
  };
}

/**
 * Wraps every data key under `next` and recomputes the name lookups (they are keyed from the master
 * key), in one transaction. Rows already under `next` are left: a rotation that stopped can be run again.
 */
export async function rotateMasterKey(
  pool: pg.Pool,
  current: MasterKey,
  next: MasterKey,
  onProgress?: (done: number, total: number) => void,
): Promise<{ rewrapped: number; already: number }> {
  return withTransaction(pool, async (c) => {
    const { rows } = await c.query('SELECT organisation_id, subject_id, wrapped_key, name_ct, master_key_id FROM subject_keys FOR UPDATE');
    let rewrapped = 0;
    let already = 0;
    for (const [i, r] of rows.entries()) {
      if (r.master_key_id === next.id) already++;
      else {
        const key = unwrapKey(current, r.subject_id, r.wrapped_key);
        const name = nameOf(r.subject_id, key, r.name_ct);
        await c.query('UPDATE subject_keys SET wrapped_key = $2, master_key_id = $3, lookup = $4 WHERE subject_id = $1', [
          r.subject_id,
          wrapKey(next, r.subject_id, key),
          next.id,
          name === null ? null : lookupOf(next, r.organisation_id, name),
        ]);
        rewrapped++;
      }
      onProgress?.(i + 1, rows.length);
    }
    return { rewrapped, already };
  });
}
