// The demo's two organisations: Dortmund (the instance's first organisation, owner of the
// partnership) and Zhytomyr (its partner, Ukrainian first), linked by an accepted invitation.
import type pg from 'pg';
import { createApiKey } from '../auth/api-keys.js';
import { withTransaction } from '../event-store/transaction.js';
import { acceptInvitation, createInvitation, sideOf } from './access.js';
import { INSTANCE_ORGANISATION_ID } from './acting.js';
import { addMember, createOrganisation, organisationById, organisationBySlug, type Organisation } from './organisations.js';

export const DEMO_PARTNER_EMAIL = 'office@zhytomyr.example';

export interface DemoOrganisations {
  owner: Organisation;
  partner: Organisation;
  /** true when this run linked them (false: they were linked already) */
  linked: boolean;
}

/** Sets the organisations up and links the partnership (safe to run again). */
export async function seedDemoOrganisations(pool: pg.Pool, partnershipId: string, now = new Date()): Promise<DemoOrganisations> {
  // A fresh instance's first organisation is still "default": the demo makes it Dortmund.
  await pool.query(
    `UPDATE organisations SET slug = 'dortmund', name = 'Stadt Dortmund', languages = '{de,en,uk}',
            settings = settings || '{"oparlBodyName": "Stadt Dortmund", "iati": {"ref": "DE-GOV-05913000", "name": "Stadt Dortmund", "type": "10"}}'::jsonb
      WHERE id = $1 AND slug = 'default' AND NOT EXISTS (SELECT 1 FROM organisations WHERE slug = 'dortmund')`,
    [INSTANCE_ORGANISATION_ID],
  );
  const owner = (await organisationById(pool, INSTANCE_ORGANISATION_ID))!;
  const partner =
    (await organisationBySlug(pool, 'zhytomyr')) ??
    (await createOrganisation(pool, {
      slug: 'zhytomyr',
      name: 'Житомирська міська рада',
      languages: ['uk', 'en', 'de'],
      settings: { oparlBodyName: 'Житомирська міська рада' },
    }));
  let linked = false;
  if (!(await sideOf(pool, partner.id, partnershipId))) {
    const invitation = await createInvitation(
      pool,
      { organisationId: owner.id, partnershipId, createdBy: 'demo seed', validForMs: 86_400_000 },
      now,
    );
    if (!invitation) throw new Error(`The demo partnership ${partnershipId} is not ${owner.slug}'s own.`);
    await withTransaction(pool, (tx) => acceptInvitation(tx, partner.id, invitation.token, now));
    linked = true;
  }
  await addMember(pool, partner.id, { email: DEMO_PARTNER_EMAIL, roles: ['office'] });
  return { owner, partner, linked };
}

/** An office key of the partner organisation, so the demo can be tried without signing in. */
export async function demoPartnerKey(pool: pg.Pool, partner: Organisation): Promise<string> {
  return (await createApiKey(pool, { name: 'Zhytomyr office (demo)', role: 'office', organisationId: partner.id })).key;
}
