import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ConcurrencyError,
  EventStoreError,
  EventStoreInputError,
  IdempotencyConflictError,
  StreamContentionError,
} from '../event-store/errors.js';
import { databaseProblem } from './database-problem.js';
import { InvalidInputError } from './errors.js';
import { ApiProblem, MAX_LISTED_ERRORS, PROBLEM_CONTENT_TYPE, problemType, type FieldError, type ProblemDetails } from './problem.js';

// Domain errors carry a stable code; the HTTP status is decided here, at the edge, and only here.
const DOMAIN_STATUS: Record<string, number> = {
  validation_failed: 422,
  transition_not_allowed: 409,
  contradicts_later_entries: 409,
  partnership_exists: 409,
  partnership_not_found: 404,
  entry_not_found: 404,
  not_found: 404,
  // an export with nothing in it (an IATI document needs at least one activity)
  nothing_to_export: 404,
};

const MAX_INSTANCE_LENGTH = 1000;

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problemFrom(err: unknown, req?: Request): { problem: ProblemDetails; headers: Record<string, string> } {
  const make = (status: number, code: string, detail: string, extra: Partial<ProblemDetails> = {}, title?: string) => {
    // However an error was raised, one answer lists at most MAX_LISTED_ERRORS fields.
    if (Array.isArray(extra.errors) && extra.errors.length > MAX_LISTED_ERRORS)
      extra = { ...extra, errors: extra.errors.slice(0, MAX_LISTED_ERRORS), moreErrors: extra.errors.length - MAX_LISTED_ERRORS };
    return {
      problem: {
        type: problemType(code),
        title: title ?? TITLES[status] ?? 'Error',
        status,
        detail,
        code,
        // A long URL is not echoed back (instance is optional): the answer stays short.
        ...(req && req.originalUrl.length <= MAX_INSTANCE_LENGTH ? { instance: req.originalUrl } : {}),
        ...extra,
      } as ProblemDetails,
      headers: {} as Record<string, string>,
    };
  };

  if (err instanceof ApiProblem) {
    const out = make(err.status, err.code, err.message, { ...(err.errors ? { errors: err.errors } : {}), ...err.extensions }, err.title);
    out.headers = err.headers;
    return out;
  }
  if (err instanceof InvalidInputError) return make(400, err.code, err.message, { errors: err.errors }, 'Invalid request');
  const database = databaseProblem(err, req);
  if (database) {
    const out = make(503, database.code, database.detail, database.extensions, TITLES[503]);
    out.headers['Retry-After'] = String(database.retryAfterSeconds);
    return out;
  }
  if (err instanceof ConcurrencyError) {
    const conditional = !!req?.headers['if-match'];
    return make(
      conditional ? 412 : 409,
      conditional ? 'precondition_failed' : 'concurrency_conflict',
      conditional
        ? `The partnership has changed since you read it: it is at version ${err.actual}, your If-Match named ${err.expected}. Read it again and retry.`
        : `Someone else changed the partnership at the same moment (now at version ${err.actual}). Retry the request.`,
      { currentVersion: err.actual },
    );
  }
  if (err instanceof IdempotencyConflictError)
    return make(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    );
  if (err instanceof StreamContentionError) {
    const out = make(503, err.code, err.message);
    out.headers['Retry-After'] = '1';
    return out;
  }
  if (err instanceof EventStoreInputError) {
    // Input the edge and the DTOs should have refused reached the store: still the client's mistake,
    // named as a field of the request (not events[0].data.…), in the store's words, never the driver's.
    const field = err.field.replace(/^events\[\d+\]\.(data|metadata)\.?/, '') || 'body';
    return make(400, 'validation_failed', `The request holds a value the ledger cannot store: ${field} ${err.reason}.`, {
      errors: [{ field, reason: err.reason }],
    });
  }
  if (err instanceof EventStoreError) return make(500, err.code, 'The event store failed. The request id helps us find it.');

  const domain = err as { code?: unknown; message?: string; errors?: FieldError[]; details?: Record<string, unknown> };
  if (err instanceof Error && typeof domain.code === 'string' && domain.code in DOMAIN_STATUS) {
    const status = DOMAIN_STATUS[domain.code];
    const extra: Partial<ProblemDetails> = {};
    if (Array.isArray(domain.errors)) extra.errors = domain.errors;
    for (const k of ['state', 'needed', 'eventId', 'partnershipId', 'conflicts'] as const) {
      const v = (err as unknown as Record<string, unknown>)[k];
      if (v !== undefined) extra[k] = v;
    }
    return make(status, domain.code, err.message, extra);
  }

  // body-parser raises these before any handler runs; Nest 12's Express adapter wraps them in an
  // HttpException whose cause is the original error.
  const bp = (err instanceof HttpException && err.cause ? err.cause : err) as { type?: string; status?: number; limit?: number };
  if (bp?.type === 'entity.parse.failed') return make(400, 'malformed_json', 'The request body is not valid JSON.');
  if (bp instanceof URIError)
    return make(400, 'validation_failed', 'The request has 1 invalid field: path must be percent-encoded UTF-8.', {
      errors: [{ field: 'path', reason: 'must be percent-encoded UTF-8' }],
    });
  if (bp?.type === 'entity.too.large')
    return make(413, 'payload_too_large', `The request body is larger than the limit of ${bp.limit ?? 'the'} bytes.`);
  if (bp?.type === 'encoding.unsupported' || bp?.type === 'charset.unsupported')
    return make(415, 'unsupported_encoding', 'The request body uses an unsupported encoding; send UTF-8 JSON.');

  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse() as Record<string, unknown>;
    // Terminus' readiness answer: keep which dependency is down, in the problem's extensions.
    if (status === 503 && response && typeof response === 'object' && 'details' in response && 'error' in response) {
      const down = Object.keys(response.error as object);
      return make(
        503,
        'not_ready',
        `Not ready: ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down.`,
        {
          status: 503,
          info: response.info,
          error: response.error,
          details: response.details,
        } as Partial<ProblemDetails>,
        'Service unavailable',
      );
    }
    const body = err.getResponse() as string | { message?: string | string[] };
    const msg = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? err.message);
    const code = status === 404 ? 'not_found' : status === 405 ? 'method_not_allowed' : `http_${status}`;
    return make(status, code, status === 404 ? `No route ${req?.method ?? ''} ${req?.path ?? ''}`.trim() + '.' : msg);
  }
  // Whether a write got recorded before the failure is not known here, so it is not claimed either way.
  return make(500, 'internal_error', 'Something went wrong on our side. The request id helps us find it.');
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const { problem, headers } = problemFrom(err, req);
    // A dependency that is down is reported by readiness, not logged as a failure of ours each probe.
    if (problem.status >= 500 && problem.status !== 503)
      this.logger.error({ err, requestId: (req as { id?: unknown }).id }, problem.detail);
    else if (problem.status === 503) this.logger.warn({ requestId: (req as { id?: unknown }).id, code: problem.code }, problem.detail);
    // The client's mistake, but one our validation should have caught first: worth a look.
    else if (err instanceof EventStoreInputError) this.logger.warn({ err, requestId: (req as { id?: unknown }).id }, problem.detail);
    if (res.headersSent) return;
    const requestId = (req as { id?: unknown }).id;
    if (typeof requestId === 'string' && requestId) problem.requestId = requestId;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
