// Which free-text fields an organisation treats as personal: its settings' `personalTexts`, a list of
// "<EventType>.<field>" or "<field>" among MAY_BE_PERSONAL. Read per write, remembered briefly.
import type pg from 'pg';
import { MAY_BE_PERSONAL, type PersonalTexts } from '../partnerships/domain/index.js';

const TTL_MS = 30_000;
const cache = new Map<string, { at: number; texts: PersonalTexts }>();
const allowed = new Set([...MAY_BE_PERSONAL, ...MAY_BE_PERSONAL.map((t) => t.split('.')[1])]);

export async function personalTextsOf(db: pg.Pool | pg.ClientBase, organisationId: string, now = Date.now()): Promise<PersonalTexts> {
  const hit = cache.get(organisationId);
  if (hit && now - hit.at < TTL_MS) return hit.texts;
  const { rows } = await db.query(`SELECT settings->'personalTexts' AS t FROM organisations WHERE id = $1`, [organisationId]);
  const given: unknown = rows[0]?.t;
  const texts = new Set(Array.isArray(given) ? given.filter((t): t is string => typeof t === 'string' && allowed.has(t)) : []);
  cache.set(organisationId, { at: now, texts });
  return texts;
}

/** Forget what was read (after a settings change in the same process, and in tests). */
export const forgetPersonalTexts = (): void => cache.clear();
