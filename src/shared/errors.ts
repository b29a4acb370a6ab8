// Application errors: raised below the controllers when a request cannot be served as asked. Like
// domain errors they know nothing of HTTP; the problem filter maps them (this one to 400).
import { describeFieldErrors, type FieldError } from './problem.js';

/** A request parameter the read side cannot use (a tampered cursor, a range that ends before it starts). */
export class InvalidInputError extends Error {
  readonly code = 'validation_failed';

  constructor(readonly errors: FieldError[]) {
    super(describeFieldErrors(errors).detail);
  }
}
