// The service authenticates to the provider with a signed JWT instead of a secret (private_key_jwt,
// as Entra ID does with a certificate): the provider knows only the public key.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/app.js';
import { ROLE_MAP, signInAt, startProvider, type TestProvider } from '../support/oidc-provider.mjs';
import { BASE, beginSignIn, callback, CALLBACK, signIn } from './oidc-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pl-client-key-'));
const kid = randomUUID();
const registered = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (k: typeof registered) => k.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
writeFileSync(join(dir, 'registered.pem'), pem(registered));
writeFileSync(join(dir, 'stranger.pem'), pem(stranger));

let idp: TestProvider;
let keys: Server;
const apps: TestApp[] = [];
beforeAll(async () => {
  // The public key as the service would publish it (the provider fetches it, as from a jwks_uri).
  const jwks = JSON.stringify({ keys: [{ ...registered.publicKey.export({ format: 'jwk' }), kid }] });
  keys = createServer((_req, res) => res.setHeader('Content-Type', 'application/json').end(jwks));
  await new Promise<void>((r) => keys.listen(0, '127.0.0.1', r));
  idp = await startProvider({
    clients: [
      {
        client_id: 'partnership-ledger',
        token_endpoint_auth_method: 'private_key_jwt',
        jwks_uri: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/jwks.json`,
        redirect_uris: [CALLBACK],
      },
    ],
  });
});
afterAll(async () => {
  for (const t of apps) await t.close();
  await idp?.close();
  keys?.close();
});

async function appWithKey(file: string) {
  const t = await createTestApp({
    env: {
      PUBLIC_BASE_URL: BASE,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'partnership-ledger',
      OIDC_CLIENT_PRIVATE_KEY_FILE: join(dir, file),
      OIDC_CLIENT_KEY_ID: kid,
      OIDC_ROLE_MAP: ROLE_MAP,
    },
  });
  apps.push(t);
  return t;
}

it('signs in with the registered key', async () => {
  const t = await appWithKey('registered.pem');
  const { me } = await signIn(t, 'office');
  expect(me).toMatchObject({ name: 'Office Tester', role: 'office' });
});

it('is refused by the provider with a key it does not know', async () => {
  const t = await appWithKey('stranger.pem');
  const begun = await beginSignIn(t);
  const back = await signInAt(begun.authorizeUrl, 'office', CALLBACK);
  const res = await callback(t, back, begun.attemptCookie);
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('sign_in_failed');
});
