import type { Server } from 'node:http';

export interface TestClient {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method?: string;
  jwks_uri?: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}
export interface TestProvider {
  issuer: string;
  /** the oidc-provider instance */
  provider: unknown;
  /** set idToken to replace the ID token of the next token response */
  tamper: { idToken: string | null };
  server: Server;
  close(): Promise<void>;
}
export const ROLE_MAP: string;
export function startProvider(opts: { clients: TestClient[] }): Promise<TestProvider>;
export function signInAt(authorizeUrl: string | URL, login: string, stopAt: string): Promise<URL>;
export function idTokenFor(issuer: string, client: TestClient, callbackUrl: string | URL, codeVerifier: string): Promise<string>;
