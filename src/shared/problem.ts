/** RFC 9457 problem details, the one error shape of the API. */
export interface FieldError {
  field: string;
  reason: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An error raised at the edge (validation, auth, preconditions) that already knows its HTTP shape. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const validationProblem = (errors: FieldError[], detail?: string) =>
  new ApiProblem(
    400,
    'validation_failed',
    'Invalid request',
    detail ??
      `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}.`,
    errors,
  );
