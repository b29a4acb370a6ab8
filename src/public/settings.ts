// An organisation's public pages: whether they are on and which milestone kinds are public by default.
// Kept in organisations.settings.public (the shared organisations table), so no table of its own.
import type pg from 'pg';
import { EVENT_TYPES, type EventType } from '../partnerships/domain/index.js';

export interface PublicSettings {
  enabled: boolean;
  /** milestone kinds shown unless an entry is marked internal; others only when marked public */
  defaultPublicKinds: EventType[];
}

export interface PublicOrganisation {
  id: string;
  slug: string;
  name: string;
  languages: string[];
  settings: PublicSettings;
  /** changes whenever the organisation's row or its places change: part of every public ETag */
  stamp: string;
}

/** Milestones and aid public, notes and papers in the making internal: the demo's policy and a sane start. */
export const MILESTONES_AND_AID: EventType[] = [
  'PartnershipInitiated',
  'CounterpartDesignated',
  'CounterpartRenamed',
  'AidDelivered',
  'AidCommitted',
  'CouncilDecided',
  'AgreementSigned',
  'CooperationAreaAdded',
  'CooperationAreaRemoved',
  'ParticipantJoined',
  'ParticipantLeft',
  'ActivityHeld',
  'FundingReceived',
  'PartnershipSuspended',
  'PartnershipResumed',
  'PartnershipTerminated',
];

/** The settings as stored, read defensively: anything unknown means "not public". */
export function publicSettingsOf(settings: unknown): PublicSettings {
  const p = (settings as { public?: { enabled?: unknown; defaultPublicKinds?: unknown } } | null)?.public;
  const kinds = Array.isArray(p?.defaultPublicKinds) ? p.defaultPublicKinds : [];
  return {
    enabled: p?.enabled === true,
    defaultPublicKinds: kinds.filter((k): k is EventType => (EVENT_TYPES as string[]).includes(k as string)),
  };
}

/** What a request to the settings route may say; the problems found, field by field. */
export function checkPublicSettings(body: unknown): { field: string; reason: string }[] {
  const b = body as Record<string, unknown> | null;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return [{ field: 'body', reason: 'must be an object' }];
  const errors: { field: string; reason: string }[] = [];
  for (const k of Object.keys(b))
    if (k !== 'enabled' && k !== 'defaultPublicKinds') errors.push({ field: k, reason: 'is not a known field of PublicSettings' });
  if (typeof b.enabled !== 'boolean') errors.push({ field: 'enabled', reason: 'must be true or false' });
  if (!Array.isArray(b.defaultPublicKinds)) errors.push({ field: 'defaultPublicKinds', reason: 'must be a list of milestone kinds' });
  else
    b.defaultPublicKinds.forEach((k, i) => {
      if (!(EVENT_TYPES as unknown[]).includes(k) || k === 'EntryCorrected' || k === 'EntryRetracted')
        errors.push({ field: `defaultPublicKinds[${i}]`, reason: 'must name a milestone kind such as AidDelivered' });
    });
  return errors;
}

/** Stores the public settings of an organisation (its other settings are kept). */
export async function setPublicSettings(db: pg.Pool | pg.ClientBase, organisationId: string, s: PublicSettings): Promise<void> {
  const { rowCount } = await db.query(
    `UPDATE organisations SET settings = settings || jsonb_build_object('public', $2::jsonb) WHERE id = $1`,
    [organisationId, JSON.stringify({ enabled: s.enabled, defaultPublicKinds: [...new Set(s.defaultPublicKinds)] })],
  );
  if (rowCount !== 1) throw new Error(`There is no organisation ${organisationId}.`);
}

/**
 * The organisation by its slug, with a stamp of its row and its places in one round trip. Public
 * pages are system reads of published data: the slug names the organisation, no session does.
 */
export async function organisationBySlug(db: pg.Pool, slug: string): Promise<PublicOrganisation | null> {
  const { rows } = await db.query({
    name: 'public_organisation_by_slug',
    text: `SELECT o.id, o.slug, o.name, o.languages, o.settings,
                  md5(o.name || o.languages::text || o.settings::text ||
                      coalesce((SELECT max(updated_at)::text || count(*) FROM places p WHERE p.organisation_id = o.id), '')) AS stamp
             FROM organisations o WHERE o.slug = $1`,
    values: [slug],
  });
  const r = rows[0] as { id: string; slug: string; name: string; languages: string[]; settings: unknown; stamp: string } | undefined;
  return r
    ? { id: r.id, slug: r.slug, name: r.name, languages: r.languages, settings: publicSettingsOf(r.settings), stamp: r.stamp }
    : null;
}
