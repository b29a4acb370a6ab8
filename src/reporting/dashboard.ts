// The queue dashboard at /admin/queues: bull-board's framework-agnostic Express router (the Nest
// wrapper is CommonJS that requires @nestjs/common, which cannot load next to ESM-only Nest 12),
// behind the same API keys as the rest of the service, admin role only.
import { asSystem } from '../shared/db-scope.js';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type pg from 'pg';
import { findActiveKey } from '../auth/api-keys.js';
import { problemFrom } from '../shared/problem.filter.js';
import { ApiProblem, PROBLEM_CONTENT_TYPE } from '../shared/problem.js';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * The key comes as "Authorization: Bearer <key>" (scripts) or as the password of HTTP Basic auth
 * (a browser asks for it natively; the user name is ignored).
 */
function presentedKey(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

export function adminOnly(pool: pg.Pool): RequestHandler {
  const send = (req: Request, res: Response, err: ApiProblem) => {
    const { problem, headers } = problemFrom(err, req);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
  const challenge = { 'WWW-Authenticate': 'Basic realm="partnership-ledger queues", charset="UTF-8"' };
  return (req: Request, res: Response, next: NextFunction) => {
    const key = presentedKey(req.headers.authorization);
    if (!key)
      return send(
        req,
        res,
        new ApiProblem(
          401,
          'missing_api_key',
          'Unauthorized',
          'The queue dashboard needs an admin API key (Bearer, or as the Basic-auth password).',
          undefined,
          {},
          challenge,
        ),
      );
    // Found by its secret before any organisation is known: system work, as in the API key guard.
    asSystem(() => findActiveKey(pool, key))
      .then((found) => {
        if (!found)
          return send(
            req,
            res,
            new ApiProblem(401, 'invalid_api_key', 'Unauthorized', 'The API key is unknown or has been revoked.', undefined, {}, challenge),
          );
        if (found.role !== 'admin') {
          return send(
            req,
            res,
            new ApiProblem(
              403,
              'role_not_allowed',
              'Forbidden',
              `The queue dashboard needs a key with the role admin; the key "${found.name}" has the role ${found.role}.`,
              undefined,
              { requiredRoles: ['admin'], role: found.role },
            ),
          );
        }
        next();
      })
      .catch(next);
  };
}

export function dashboardRouter(queues: Queue[]): RequestHandler {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Partnership Ledger' } },
  });
  return serverAdapter.getRouter() as RequestHandler;
}
