// The OpenID Connect relying party, on openid-client (certified): discovery, PKCE, state, nonce and
// ID token validation are the library's; this file only wires the settings in and maps the claims.
import { createPrivateKey, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { Role } from '../../shared/auth/roles.decorator.js';
import type { SignInAttempt } from './sessions.js';

export interface SignedInIdentity {
  issuer: string;
  subject: string;
  displayName: string | null;
  email: string | null;
  /** the group or role names the IdP sent in OIDC_ROLES_CLAIM */
  groups: string[];
  roles: Role[];
  idToken: string | null;
}

/** The IdP answered, but not with a usable sign-in (wrong state, nonce, audience, issuer, a used code…). */
export class SignInRejected extends Error {}

/** Plain http is accepted only for an IdP on this machine (development, tests). */
function isLoopback(u: URL): boolean {
  const h = u.hostname;
  return h === 'localhost' || h === '127.0.0.1' || h === '[::1]' || h.endsWith('.localhost');
}

/** A claim by name, or by a dotted path (Keycloak's realm roles are `realm_access.roles`). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), claims);
}

function asList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

@Injectable()
export class OidcClient {
  private readonly logger = new Logger('SignIn');
  /** issuer → its discovered configuration (the instance's issuer, and those organisations name) */
  private readonly discovered = new Map<string, Promise<client.Configuration>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.OIDC_ISSUER;
  }

  get redirectUri(): string {
    return `${this.config.PUBLIC_BASE_URL}/auth/callback`;
  }

  /**
   * Discovery once per issuer, on first use (an IdP that is down at start must not stop the API);
   * retried after a failure. An organisation's own issuer (settings.oidcIssuer) is asked with the
   * instance's client registration (OIDC_CLIENT_*), which that IdP must know too.
   */
  private configuration(issuerUrl: string = this.config.OIDC_ISSUER!): Promise<client.Configuration> {
    let found = this.discovered.get(issuerUrl);
    if (!found) {
      const issuer = new URL(issuerUrl);
      found = this.clientAuth()
        .then((auth) =>
          client.discovery(issuer, this.config.OIDC_CLIENT_ID!, this.config.OIDC_CLIENT_SECRET, auth, {
            execute: issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [],
            timeout: 10,
          }),
        )
        .catch((err: unknown) => {
          this.discovered.delete(issuerUrl);
          this.logger.warn(`OpenID Provider discovery at ${issuer.href} failed: ${(err as Error).message}`);
          throw err;
        });
      this.discovered.set(issuerUrl, found);
    }
    return found;
  }

  /** client_secret_post, private_key_jwt (RS256 or ES256), or none (a public client: PKCE alone). */
  private async clientAuth(): Promise<client.ClientAuth> {
    const secret = this.config.OIDC_CLIENT_SECRET;
    if (secret) return client.ClientSecretPost(secret);
    const file = this.config.OIDC_CLIENT_PRIVATE_KEY_FILE;
    if (!file) return client.None();
    const pem = createPrivateKey(readFileSync(file, 'utf8'));
    const der = pem.export({ type: 'pkcs8', format: 'der' });
    const alg = pem.asymmetricKeyType === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' };
    const key = await webcrypto.subtle.importKey('pkcs8', der, alg, false, ['sign']);
    return client.PrivateKeyJwt({ key, kid: this.config.OIDC_CLIENT_KEY_ID });
  }

  /**
   * Where to send the browser, and what the callback must then see. With an organisation that names
   * its own issuer, the sign-in goes there; the stored state carries the organisation's slug after
   * `~` (the callback reads it from the stored attempt, never from the browser).
   */
  async begin(returnTo: string, organisation?: { slug: string; issuer: string }): Promise<{ url: URL; attempt: SignInAttempt }> {
    const cfg = await this.configuration(organisation?.issuer);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = organisation ? `${client.randomState()}~${organisation.slug}` : client.randomState();
    const attempt = { state, nonce: client.randomNonce(), codeVerifier, returnTo };
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: this.redirectUri,
      scope: this.config.OIDC_SCOPES,
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, attempt };
  }

  /** Redeems the code (once) and validates the ID token: issuer, audience, signature, expiry, nonce. */
  async finish(callbackUrl: URL, attempt: SignInAttempt, issuer?: string): Promise<SignedInIdentity> {
    const cfg = await this.configuration(issuer);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(
        cfg,
        callbackUrl,
        { pkceCodeVerifier: attempt.codeVerifier, expectedState: attempt.state, expectedNonce: attempt.nonce, idTokenExpected: true },
        { redirect_uri: this.redirectUri },
      );
    } catch (err) {
      if (isProtocolError(err)) throw new SignInRejected(describe(err), { cause: err });
      throw err;
    }
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idClaims };
    const rolesClaim = this.config.OIDC_ROLES_CLAIM;
    // Some IdPs put groups only into userinfo; the subject must be the ID token's.
    if (claimAt(claims, rolesClaim) === undefined && cfg.serverMetadata().userinfo_endpoint) {
      try {
        claims = { ...(await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub)), ...idClaims };
      } catch (err) {
        if (isProtocolError(err)) throw new SignInRejected(describe(err), { cause: err });
        throw err;
      }
    }
    const groups = asList(claimAt(claims, rolesClaim));
    const map = this.config.OIDC_ROLE_MAP;
    const roles = [...new Set(groups.flatMap((g) => (Object.hasOwn(map, g) ? [map[g]] : [])))];
    const str = (k: string) => (typeof claims[k] === 'string' && (claims[k] as string).trim() ? (claims[k] as string).trim() : null);
    const given = [str('given_name'), str('family_name')].filter(Boolean).join(' ');
    return {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      displayName: (str('name') ?? given) || str('preferred_username') || str('email'),
      email: str('email'),
      groups,
      roles,
      idToken: tokens.id_token ?? null,
    };
  }

  /** The IdP's end-session URL (RP-initiated logout) when it offers one, else null. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    if (!this.enabled) return null;
    const cfg = await this.configuration().catch(() => null);
    if (!cfg?.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = {
      post_logout_redirect_uri: `${this.config.PUBLIC_BASE_URL}/`,
      client_id: cfg.clientMetadata().client_id,
    };
    if (idToken) params.id_token_hint = idToken;
    return client.buildEndSessionUrl(cfg, params).href;
  }
}

function isProtocolError(err: unknown): boolean {
  return (
    err instanceof client.ResponseBodyError ||
    err instanceof client.AuthorizationResponseError ||
    err instanceof client.WWWAuthenticateChallengeError ||
    (err instanceof client.ClientError && (err as { code?: string }).code !== 'OAUTH_TIMEOUT')
  );
}

function describe(err: unknown): string {
  const e = err as Error & { error?: string; code?: string };
  return e.error ?? e.code ?? e.message;
}
