// The organisation a request acts for, and the organisations that may see a partnership's stream.
// Features depend on these two functions only, so how organisations are chosen (membership, header,
// partner links) can change without touching them.
import type { Request } from 'express';
import type pg from 'pg';
import { setScopeOrganisations } from '../shared/db-scope.js';
import { organisationsOfStream } from './access.js';

/** The instance's first organisation; existing single-city data moves into it on upgrade. */
export const INSTANCE_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001';

export interface ActingOrganisation {
  id: string;
  slug: string;
}

type WithOrganisation = Request & { organisation?: ActingOrganisation };

/**
 * Set by the authentication guard once it knows who asks: an API key's organisation, a feed token's,
 * or the one a person's session acts for (X-Organisation, else the session's).
 */
export function setActingOrganisation(req: Request, organisation: ActingOrganisation): void {
  (req as WithOrganisation).organisation = organisation;
  // From here on the request's statements see this organisation's rows (row-level security).
  setScopeOrganisations([organisation.id]);
}

/** The organisation this request acts for; a request nobody authenticated (public routes) gets the instance's first. */
export function actingOrganisation(req: Request): ActingOrganisation {
  return (req as WithOrganisation).organisation ?? { id: INSTANCE_ORGANISATION_ID, slug: 'default' };
}

/** Organisations that may read a partnership's stream now (its owner, and its partner while linked). */
export function streamOrganisations(db: pg.Pool | pg.ClientBase, streamId: string): Promise<string[]> {
  return organisationsOfStream(db, streamId);
}
