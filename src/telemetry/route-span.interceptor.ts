// Names the HTTP server span after the route that answered (`POST /api/v1/partnerships/:id/aid-deliveries`)
// and records the controller and handler. The Nest instrumentation would do this, but it does not
// support Nest 12 yet; this interceptor is installed only while tracing is on.
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Observable } from 'rxjs';

export class RouteSpanInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const span = trace.getActiveSpan();
    if (span && ctx.getType() === 'http') {
      const req = ctx.switchToHttp().getRequest<{ method: string; route?: { path?: string } }>();
      const route = req.route?.path;
      if (route) span.updateName(`${req.method} ${route}`).setAttribute('http.route', route);
      span.setAttribute('nestjs.controller', ctx.getClass().name).setAttribute('nestjs.handler', ctx.getHandler().name);
    }
    return next.handle();
  }
}
