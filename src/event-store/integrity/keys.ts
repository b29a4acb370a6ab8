import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The key that signs checkpoints, and the public keys a verifier accepts (the signer's own among them). */
export interface LedgerKeys {
  signer: { privateKey: KeyObject; publicKey: KeyObject; keyId: string } | null;
  trusted: Map<string, KeyObject>;
}

export interface LedgerKeyConfig {
  LEDGER_SIGNING_KEY_FILE?: string;
  LEDGER_SIGNING_KEY?: string;
  LEDGER_PUBLIC_KEYS_FILE?: string;
}

/** Short, stable name of a public key: the first 16 hex digits of sha256 over its SPKI encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** An Ed25519 private key as PKCS#8 PEM, or as one line of base64 PKCS#8 DER (handy in an env file). */
function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.includes('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('is not a PKCS#8 private key (PEM, or base64 DER)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/** One or more Ed25519 public keys as PEM blocks in one text. */
function parsePublicKeys(text: string): KeyObject[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  if (!blocks.length) throw new Error('holds no PEM public key (-----BEGIN PUBLIC KEY-----)');
  return blocks.map((pem, i) => {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`key ${i + 1} must be an Ed25519 key, not ${key.asymmetricKeyType}`);
    return key;
  });
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
  }
}

/** A key setting that cannot be read or parsed; says which setting and why, never the key. */
export class LedgerKeyError extends Error {
  constructor(
    readonly setting: keyof LedgerKeyConfig,
    reason: string,
  ) {
    super(reason);
  }
}

function parsed<T>(setting: keyof LedgerKeyConfig, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new LedgerKeyError(setting, (err as Error).message);
  }
}

/**
 * Reads and parses the configured keys: loadConfig does it once and hands the result on. No key
 * configured means no signer: nothing is generated. Throws LedgerKeyError for a bad setting.
 */
export function loadLedgerKeys(config: LedgerKeyConfig): LedgerKeys {
  const trusted = new Map<string, KeyObject>();
  let signer: LedgerKeys['signer'] = null;
  const fromFile = config.LEDGER_SIGNING_KEY_FILE;
  const setting = fromFile ? 'LEDGER_SIGNING_KEY_FILE' : 'LEDGER_SIGNING_KEY';
  const secret = fromFile ? parsed(setting, () => readKeyFile(fromFile)) : config.LEDGER_SIGNING_KEY;
  if (secret) {
    const privateKey = parsed(setting, () => parseSigningKey(secret));
    const publicKey = createPublicKey(privateKey);
    signer = { privateKey, publicKey, keyId: keyIdOf(publicKey) };
    trusted.set(signer.keyId, publicKey);
  }
  const publicFile = config.LEDGER_PUBLIC_KEYS_FILE;
  if (publicFile)
    for (const key of parsed('LEDGER_PUBLIC_KEYS_FILE', () => parsePublicKeys(readKeyFile(publicFile)))) trusted.set(keyIdOf(key), key);
  return { signer, trusted };
}

export const NO_KEY_HINT =
  'no signing key is configured (LEDGER_SIGNING_KEY_FILE or LEDGER_SIGNING_KEY); create one with `npm run ledger:keygen -- --out <file>`';
