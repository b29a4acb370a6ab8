// Sign-in settings (OpenID Connect, sessions), validated with the rest of the configuration.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { jsonObject } from './json-object.js';

const ROLE_NAMES = ['office', 'council', 'reporting', 'admin'] as const;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** `{"<IdP group or role>": "office" | "council" | "reporting" | "admin"}`. */
const roleMap = jsonObject<(typeof ROLE_NAMES)[number]>(
  (k, r) => k.length > 0 && (ROLE_NAMES as readonly unknown[]).includes(r),
  `must be a JSON object of IdP group → role (${ROLE_NAMES.join(', ')}), e.g. {"ledger-office":"office"}`,
);

const issuerUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash && !u.username;
  } catch {
    return false;
  }
}, 'must be the issuer URL (https://…, no query or fragment), e.g. https://login.example.org/realms/city');

/** A PKCS#8 PEM file holding an RSA or P-256 key, for private_key_jwt client authentication. */
const clientKeyFile = z.string().superRefine((path, ctx) => {
  try {
    const key = createPrivateKey(readFileSync(path, 'utf8'));
    const ok = key.asymmetricKeyType === 'rsa' || (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1');
    if (!ok) ctx.addIssue({ code: 'custom', message: 'must hold an RSA or P-256 private key (PKCS#8 PEM)' });
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `cannot be read as a private key: ${(err as Error).message}` });
  }
});

/** Spread into the configuration schema. */
export const signInSettings = {
  /** The OpenID Provider's issuer (discovery at <issuer>/.well-known/openid-configuration); unset: no single sign-on. */
  OIDC_ISSUER: issuerUrl.transform((v) => v.replace(/\/+$/, '')).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** Instead of a secret: authenticate with a signed JWT (private_key_jwt; RS256 or ES256), key registered at the IdP. */
  OIDC_CLIENT_PRIVATE_KEY_FILE: clientKeyFile.optional(),
  /** The `kid` the IdP knows that key by (Entra ID: the certificate's thumbprint as registered). */
  OIDC_CLIENT_KEY_ID: z.string().trim().min(1).max(200).optional(),
  OIDC_SCOPES: z
    .string()
    .trim()
    .refine((v) => v.split(/\s+/).includes('openid'), 'must contain the scope openid, e.g. "openid profile email"')
    .default('openid profile email'),
  /** The ID token or userinfo claim holding a list of group or role names. */
  OIDC_ROLES_CLAIM: z.string().trim().min(1).max(200).default('roles'),
  /** IdP group → role; default: groups named like the roles themselves. */
  OIDC_ROLE_MAP: roleMap.default(Object.fromEntries(ROLE_NAMES.map((r) => [r, r])) as Record<string, (typeof ROLE_NAMES)[number]>),
  /** Whom a person without a role should ask, shown on the "no access" page. */
  OIDC_ACCESS_CONTACT: z.string().trim().min(1).max(300).default('the administrator of the Partnership Ledger'),
  /** A session ends after this long without a request… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and at the latest this long after sign-in. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** The page's sign-in with an API key; only ever offered where no OIDC_ISSUER is configured. */
  KEY_SIGN_IN: bool.default(true),
};

type Settings = z.infer<z.ZodObject<typeof signInSettings>> & {
  NODE_ENV: string;
  PUBLIC_BASE_URL: string;
};

/** Cross-field rules; each problem names its variable. */
export function signInProblems(c: Settings): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (c.OIDC_ISSUER && !c.OIDC_CLIENT_ID) out.push({ path: 'OIDC_CLIENT_ID', message: 'must be set when OIDC_ISSUER is set' });
  if (!c.OIDC_ISSUER && (c.OIDC_CLIENT_ID || c.OIDC_CLIENT_SECRET || c.OIDC_CLIENT_PRIVATE_KEY_FILE))
    out.push({ path: 'OIDC_ISSUER', message: 'must be set when OIDC_CLIENT_ID, OIDC_CLIENT_SECRET or OIDC_CLIENT_PRIVATE_KEY_FILE is' });
  if (c.OIDC_CLIENT_SECRET && c.OIDC_CLIENT_PRIVATE_KEY_FILE)
    out.push({ path: 'OIDC_CLIENT_PRIVATE_KEY_FILE', message: 'set OIDC_CLIENT_SECRET or OIDC_CLIENT_PRIVATE_KEY_FILE, not both' });
  if (c.OIDC_ISSUER && c.NODE_ENV === 'production') {
    if (new URL(c.OIDC_ISSUER).protocol !== 'https:') out.push({ path: 'OIDC_ISSUER', message: 'must use https when NODE_ENV=production' });
    if (new URL(c.PUBLIC_BASE_URL).protocol !== 'https:')
      out.push({
        path: 'PUBLIC_BASE_URL',
        message: 'must use https when NODE_ENV=production and OIDC_ISSUER is set (session cookies are Secure)',
      });
  }
  return out;
}
