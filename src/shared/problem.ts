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

/** A URN names the problem type without pointing at a host we do not run. */
export const problemType = (code: string) => `urn:partnership-ledger:problem:${code.replace(/_/g, '-')}`;

/** Field errors listed in one answer; the rest are only counted (moreErrors), so a hostile body gets a short answer. */
export const MAX_LISTED_ERRORS = 20;

/** "The request has 3 invalid fields: a …; b …; c …." over the listed errors, saying how many more there are. */
export function describeFieldErrors(errors: FieldError[]): { listed: FieldError[]; more: number; detail: string } {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const more = errors.length - listed.length;
  const detail =
    `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ` +
    `${listed.map((e) => `${e.field} ${e.reason}`).join('; ')}${more ? `; and ${more} more` : ''}.`;
  return { listed, more, detail };
}

export const validationProblem = (errors: FieldError[], detail?: string) => {
  const described = describeFieldErrors(errors);
  return new ApiProblem(
    400,
    'validation_failed',
    'Invalid request',
    detail ?? described.detail,
    described.listed,
    described.more ? { moreErrors: described.more } : {},
  );
};
