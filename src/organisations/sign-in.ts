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
): Promise<Membership | null> {
  if (idpRoles.length)
    await db.query(
      `INSERT INTO memberships (organisation_id, person_id, roles, from_idp) VALUES ($1, $2, $3, true)
       ON CONFLICT (organisation_id, person_id) DO UPDATE SET roles = excluded.roles WHERE memberships.from_idp`,
      [INSTANCE_ORGANISATION_ID, person.id, idpRoles],
    );
  // A group taken away at the IdP takes its roles away here too; an admin's grant stays.
  else
    await db.query('DELETE FROM memberships WHERE organisation_id = $1 AND person_id = $2 AND from_idp', [
      INSTANCE_ORGANISATION_ID,
      person.id,
    ]);
  if (person.email) {
    await db.query(
      `WITH taken AS (DELETE FROM pending_memberships WHERE email = lower($2) RETURNING organisation_id, roles)
       INSERT INTO memberships (organisation_id, person_id, roles) SELECT organisation_id, $1, roles FROM taken
       ON CONFLICT (organisation_id, person_id) DO NOTHING`,
      [person.id, person.email],
    );
  }
  const memberships = await membershipsOf(db, person.id);
  if (!memberships.length) return null;
  // The IdP-mapped instance membership first (as before organisations), else the oldest one.
  return (idpRoles.length ? memberships.find((m) => m.organisationId === INSTANCE_ORGANISATION_ID) : undefined) ?? memberships[0];
}
