// The first steps of every request, before Nest routes it: the URL's encoding and query string,
// the media type, the JSON body's limits; and the answers Node's HTTP server gives on its own to
// requests too broken for Express to see. All answer problem+json.
import { isUtf8 } from 'node:buffer';
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { bodyProblems, INPUT_LIMITS, pathHasControlCharacter, pathProblems, queryProblems } from './input-limits.js';
import { ApiProblem, PROBLEM_CONTENT_TYPE, problemType, validationProblem } from './problem.js';

/** The media types a command body may have. */
const JSON_TYPES = ['application/json', 'application/*+json'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Mail clients post RFC 8058's one-click unsubscribe as a form; the token is in the URL, the body is not read. */
const FORM_PATHS = new Set(['/api/v1/unsubscribe']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

type Flagged = IncomingMessage & { invalidUtf8?: boolean };

/** Percent-encoding that is not UTF-8 or control characters in the path; NUL, control characters, repeats and sizes in the query. */
export function checkUrl(req: Request, _res: Response, next: NextFunction): void {
  const url = req.originalUrl ?? req.url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const errors = [...pathProblems(path), ...(q === -1 ? [] : queryProblems(url.slice(q + 1)))];
  if (errors.length) return next(validationProblem(errors));
  // Such a path names nothing (as a malformed id does): 404 here, before PostgreSQL refuses NUL with a 500.
  if (pathHasControlCharacter(path))
    return next(new ApiProblem(404, 'not_found', 'Not found', 'Nothing is found at a path with control characters (such as NUL).'));
  next();
}

function hasContent(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/** A request with content must send JSON: a form or text body is refused, not parsed into a command. */
export function requireJsonContent(req: Request, _res: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(req.method) || !hasContent(req) || req.is(JSON_TYPES)) return next();
  if (FORM_PATHS.has(req.path) && req.is(FORM_TYPES)) return next();
  const given = req.headers['content-type'];
  next(
    new ApiProblem(
      415,
      'unsupported_media_type',
      'Unsupported media type',
      `Send the body as JSON with Content-Type: application/json (${given ? `got ${JSON.stringify(given.slice(0, 100))}` : 'no Content-Type was given'}).`,
    ),
  );
}

/** body-parser's JSON options: the size limit, JSON media types only, and a note when the bytes were not UTF-8. */
export const jsonBodyOptions = {
  limit: INPUT_LIMITS.bodyBytes,
  type: JSON_TYPES,
  // The decoder turns bytes that are not UTF-8 into U+FFFD; remember it, so the field is named and refused.
  verify: (req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string) => {
    if (/^utf-?8$/i.test(encoding) && !isUtf8(buf)) (req as Flagged).invalidUtf8 = true;
  },
};

/** Depth, width, lengths, prototype keys, lone surrogates and invalid UTF-8 of a parsed JSON body. */
export function checkJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
  const errors = bodyProblems(req.body, { invalidUtf8: (req as Flagged).invalidUtf8 });
  next(errors.length ? validationProblem(errors) : undefined);
}

function clientErrorAnswer(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers_too_large', 'The request headers are larger than the server accepts.'];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'payload_too_large', 'The chunk extensions of the request are larger than the server accepts.'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request_timeout', 'The request took too long to arrive.'];
    default:
      return [
        400,
        'malformed_request',
        'The request is not valid HTTP/1.1: a character that is not allowed in the request line or a header ' +
          '(percent-encode anything but ASCII in the URL), or a malformed header.',
      ];
  }
}

/**
 * Requests Node's parser refuses (unencoded non-ASCII in the URL, a control byte in a header,
 * oversized headers) never reach Express; without this Node answers them with an empty 400.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    const message = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || message?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, code, detail] = clientErrorAnswer(err.code);
    const title = STATUS_CODES[status] ?? 'Bad Request';
    const body = JSON.stringify({ type: problemType(code), title, status, detail, code });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
