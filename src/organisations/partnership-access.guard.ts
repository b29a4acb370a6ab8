// Every route under /api/v1/partnerships/{id} answers only for organisations that may read that
// partnership; for any other it does not exist (404, never 403, so ids of other organisations'
// partnerships cannot be probed).
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type pg from 'pg';
import { DatabaseUnavailableError, databaseUnavailability } from '../event-store/availability.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { PartnershipNotFoundError } from '../partnerships/domain/index.js';
import { accessOfStream, sideIn, type StreamAccess } from './access.js';
import { actingOrganisation } from './acting.js';

type AccessRead = { partnershipId: string; rows: StreamAccess[] };

/** What this request's guard read of a partnership's access, if it read one. */
export const accessReadBy = (req: Request): AccessRead | undefined =>
  (req as Request & { partnershipAccess?: AccessRead }).partnershipAccess;

const PARTNERSHIP_ROUTE = /^\/api\/v1\/partnerships\/[^/]+/;

@Injectable()
export class PartnershipAccessGuard implements CanActivate {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const id = req.params?.id;
    if (typeof id !== 'string' || !PARTNERSHIP_ROUTE.test(req.path)) return true;
    let access: StreamAccess[];
    try {
      access = await accessOfStream(this.pool, id);
    } catch (err) {
      // As the command path answers: the check ran before anything was written.
      const u = databaseUnavailability(err);
      throw u ? new DatabaseUnavailableError(u, req.method !== 'GET' && req.method !== 'HEAD', { cause: err }) : err;
    }
    const organisationId = actingOrganisation(req).id;
    if (sideIn(access, organisationId)) {
      // The command path decides on the same read instead of asking again.
      (req as Request & { partnershipAccess?: AccessRead }).partnershipAccess = { partnershipId: id, rows: access };
      return true;
    }
    // A huge id is not echoed back whole.
    throw new PartnershipNotFoundError(id.length > 100 ? `${id.slice(0, 100)}…` : id);
  }
}
