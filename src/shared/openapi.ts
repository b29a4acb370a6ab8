// Error answers in the OpenAPI document: every one is application/problem+json with the Problem
// schema (or a schema that extends it).
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { ProblemSchema } from './problem.schemas.js';

/** An error answer: application/problem+json with the Problem schema (or a schema that extends it). */
export function ProblemResponse(status: number, description: string, schema: Type<unknown> = ProblemSchema) {
  return applyDecorators(
    ApiExtraModels(schema),
    ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(schema) } } } }),
  );
}

/** Several error answers at once: status → description, or [description, schema] for a problem that extends Problem. */
export function ProblemResponses(responses: Record<number, string | [string, Type<unknown>]>) {
  return applyDecorators(
    ...Object.entries(responses).map(([status, answer]) =>
      typeof answer === 'string' ? ProblemResponse(Number(status), answer) : ProblemResponse(Number(status), ...answer),
    ),
  );
}

/** What every route behind the API-key guard may answer before it runs. */
export const GuardedRoutes = () =>
  ProblemResponses({
    401: 'no API key, or an unknown, expired or revoked one (missing_api_key, invalid_authorization, invalid_api_key, key_expired, key_revoked); from the page, a session that ended (session_expired, invalid_session)',
    403: "the key's or person's role may not use this route (role_not_allowed); a session's change without the page's CSRF token or from another site (csrf_token_invalid, csrf_cross_site)",
    429: 'too many requests, or too many bad keys from this address; Retry-After says when to retry (rate_limited, too_many_auth_failures)',
    503: 'the key cannot be checked right now (auth_unavailable); retry shortly',
  });

/** What any route that reads a JSON body may answer before it runs. */
export const BODY_PROBLEMS = {
  413: 'the body is larger than 1 MiB (payload_too_large)',
  415: 'the body is not JSON (unsupported_media_type) or not UTF-8 (unsupported_encoding)',
} as const;
