// Every HTTP request's database work runs under row-level security for the organisation it acts
// for: the middleware opens the request's scope (no organisation yet: reads nothing), and the
// interceptor, after the guards, names the acting organisation.
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { runAsRequest, setScopeOrganisations } from '../shared/db-scope.js';
import { actingOrganisation } from './acting.js';

export function requestDbScope(_req: Request, _res: Response, next: NextFunction): void {
  runAsRequest(next);
}

@Injectable()
export class ActingOrganisationScope implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') setScopeOrganisations([actingOrganisation(context.switchToHttp().getRequest<Request>()).id]);
    return next.handle();
  }
}
