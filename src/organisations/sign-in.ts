// Memberships at sign-in: the instance's IdP role mapping stays the instance organisation's
// membership (so a single-city deployment signs in as before), members added by e-mail are matched,
// and the session acts for one organisation by default.
import type pg from 'pg';
import type { Role } from '../shared/auth/roles.js';
import { INSTANCE_ORGANISATION_ID } from './acting.js';
import { membershipsOf, type Membership } from './organisations.js';

/**
 * Brings the person's memberships up to date and answers the one the session starts in (null: the
 * person belongs to no organisation, so may not sign in).
 */
export async function membershipAtSignIn(
  db: pg.ClientBase,
  person: { id: string; email: string | null },
  idpRoles: readonly Role[],
  /** set when the person signed in at an organisation's own issuer: that IdP speaks for it alone */
  ownIssuerOf?: string,
): Promise<Membership | null> {
  const idpOrganisation = ownIssuerOf ?? INSTANCE_ORGANISATION_ID;
  if (idpRoles.length)
    await db.query(
      `INSERT INTO memberships (organisation_id, person_id, roles, from_idp) VALUES ($1, $2, $3, true)
       ON CONFLICT (organisation_id, person_id) DO UPDATE SET roles = excluded.roles WHERE memberships.from_idp`,
      [idpOrganisation, person.id, idpRoles],
    );
  // A group taken away at the IdP takes its roles away here too; an admin's grant stays.
  else await db.query('DELETE FROM memberships WHERE organisation_id = $1 AND person_id = $2 AND from_idp', [idpOrganisation, person.id]);
  if (person.email) {
    // An organisation's own IdP vouches for e-mail addresses only towards that organisation.
    await db.query(
      `WITH taken AS (DELETE FROM pending_memberships WHERE email = lower($2) AND ($3::uuid IS NULL OR organisation_id = $3)
                      RETURNING organisation_id, roles)
       INSERT INTO memberships (organisation_id, person_id, roles) SELECT organisation_id, $1, roles FROM taken
       ON CONFLICT (organisation_id, person_id) DO NOTHING`,
      [person.id, person.email, ownIssuerOf ?? null],
    );
  }
  const memberships = await membershipsOf(db, person.id);
  if (!memberships.length) return null;
  // The IdP-mapped membership first (as before organisations), else the oldest one.
  return (idpRoles.length || ownIssuerOf ? memberships.find((m) => m.organisationId === idpOrganisation) : undefined) ?? memberships[0];
}
