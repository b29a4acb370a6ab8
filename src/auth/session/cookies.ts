// The session and sign-in cookies. `__Host-` binds a cookie to this exact origin (Secure, Path=/, no
// Domain), so a sibling subdomain cannot plant or overwrite it. Browsers refuse `__Host-` without
// Secure, so development over http://localhost uses plain names without Secure instead.
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config.js';

export interface CookieNames {
  session: string;
  attempt: string;
  secure: boolean;
}

/** Secure cookies everywhere except plain-http localhost outside production. */
export function cookieNames(config: Pick<AppConfig, 'NODE_ENV' | 'PUBLIC_BASE_URL'>): CookieNames {
  const base = new URL(config.PUBLIC_BASE_URL);
  const localHttp =
    base.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(base.hostname) && config.NODE_ENV !== 'production';
  return localHttp
    ? { session: 'pl_session', attempt: 'pl_signin', secure: false }
    : { session: '__Host-pl_session', attempt: '__Host-pl_signin', secure: true };
}

/** One cookie's value from the Cookie header (the first, as browsers send the most specific first). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setCookie(res: Response, names: CookieNames, name: string, value: string, maxAgeMs: number): void {
  res.cookie(name, value, { httpOnly: true, secure: names.secure, sameSite: 'lax', path: '/', maxAge: maxAgeMs });
}

export function clearCookie(res: Response, names: CookieNames, name: string): void {
  res.clearCookie(name, { httpOnly: true, secure: names.secure, sameSite: 'lax', path: '/' });
}

/**
 * A `returnTo` that stays on this site: a path starting with one slash (not `//host`, not `/\host`,
 * which browsers read as another host), no control characters, resolving to our own origin.
 */
export function safeReturnTo(value: unknown, publicBaseUrl: string): string | null {
  if (value === undefined) return '/';
  if (typeof value !== 'string' || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\p{Cc}]/u.test(value)) return null;
  const base = new URL(publicBaseUrl);
  let target: URL;
  try {
    target = new URL(value, base.origin);
  } catch {
    return null;
  }
  if (target.origin !== base.origin) return null;
  return target.pathname + target.search + target.hash;
}
