// The master key wraps every subject's data key (docs/privacy.md). It never enters the database:
// LEDGER_MASTER_KEY (base64 of 32 bytes) or LEDGER_MASTER_KEY_FILE. Without one, development and
// tests use a built-in key (public, so worthless for secrecy) and say so; production refuses to start.
import { createCipheriv, createDecipheriv, createHash, randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface MasterKey {
  key: Buffer;
  /** first 16 hex digits of sha256 over the key: which key wrapped a row, never the key */
  id: string;
  /** the built-in development key */
  dev: boolean;
}

export interface MasterKeyConfig {
  NODE_ENV?: string;
  LEDGER_MASTER_KEY?: string;
  LEDGER_MASTER_KEY_FILE?: string;
}

export class MasterKeyError extends Error {
  constructor(
    readonly setting: 'LEDGER_MASTER_KEY' | 'LEDGER_MASTER_KEY_FILE',
    reason: string,
  ) {
    super(reason);
  }
}

const DEV_KEY = createHash('sha256').update('partnership-ledger development master key: never in production').digest();

const masterKeyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** A master key from its base64 text, or why it is not one (the key itself is never in a message). */
export function parseMasterKey(text: string, dev = false): MasterKey {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new Error('must be 32 random bytes in base64 (openssl rand -base64 32)');
  return { key, id: masterKeyIdOf(key), dev };
}

const DEV_KEY_ID = masterKeyIdOf(DEV_KEY);
export const devMasterKey = (): MasterKey => ({ key: DEV_KEY, id: DEV_KEY_ID, dev: true });

/** The configured master key; the development key only outside production. Throws MasterKeyError. */
export function loadMasterKey(c: MasterKeyConfig): MasterKey {
  if (c.LEDGER_MASTER_KEY && c.LEDGER_MASTER_KEY_FILE)
    throw new MasterKeyError('LEDGER_MASTER_KEY', 'set LEDGER_MASTER_KEY or LEDGER_MASTER_KEY_FILE, not both');
  if (c.LEDGER_MASTER_KEY_FILE) {
    let text: string;
    try {
      text = readFileSync(c.LEDGER_MASTER_KEY_FILE, 'utf8');
    } catch (err) {
      throw new MasterKeyError('LEDGER_MASTER_KEY_FILE', `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      return parseMasterKey(text);
    } catch (err) {
      throw new MasterKeyError('LEDGER_MASTER_KEY_FILE', (err as Error).message);
    }
  }
  if (c.LEDGER_MASTER_KEY) {
    try {
      return parseMasterKey(c.LEDGER_MASTER_KEY);
    } catch (err) {
      throw new MasterKeyError('LEDGER_MASTER_KEY', (err as Error).message);
    }
  }
  if (c.NODE_ENV === 'production')
    throw new MasterKeyError(
      'LEDGER_MASTER_KEY',
      'must be set when NODE_ENV=production (or LEDGER_MASTER_KEY_FILE): it protects the personal data. Generate one with: openssl rand -base64 32',
    );
  return devMasterKey();
}

const IV = 12;
const TAG = 16;

// Nonces come from the CSPRNG in blocks: one call per value cost more than the AES-GCM seal itself.
// Each block is a new buffer and each nonce is taken from it once.
const IV_BLOCK = IV * 256;
let ivs = Buffer.alloc(0);
let ivAt = IV_BLOCK;
function freshIv(): Buffer {
  if (ivAt === IV_BLOCK) {
    ivs = randomFillSync(Buffer.allocUnsafeSlow(IV_BLOCK));
    ivAt = 0;
  }
  return ivs.subarray(ivAt, (ivAt += IV));
}

/** AES-256-GCM with `aad` bound in, its parts apart (a value's envelope stores them so). */
export function sealParts(key: Buffer, plain: Buffer, aad: string): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = freshIv();
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = c.update(plain);
  c.final(); // GCM holds nothing back: update gave all of it
  return { iv, tag: c.getAuthTag(), ct };
}

/** AES-256-GCM with `aad` bound in: iv ‖ tag ‖ ciphertext. */
export function sealBytes(key: Buffer, plain: Buffer, aad: string): Buffer {
  const { iv, tag, ct } = sealParts(key, plain, aad);
  return Buffer.concat([iv, tag, ct]);
}

/** The inverse of sealBytes; throws when the key is wrong or the bytes were changed. */
export function openBytes(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(sealed.subarray(IV, IV + TAG));
  return Buffer.concat([d.update(sealed.subarray(IV + TAG)), d.final()]);
}

/** A data key wrapped for one subject (AES-256-GCM key wrap, bound to the subject id). */
export const wrapKey = (master: MasterKey, subjectId: string, dataKey: Buffer): Buffer =>
  sealBytes(master.key, dataKey, `subject-key:${subjectId}`);

export function unwrapKey(master: MasterKey, subjectId: string, wrapped: Buffer): Buffer {
  try {
    return openBytes(master.key, wrapped, `subject-key:${subjectId}`);
  } catch {
    throw new Error(
      `the data key of subject ${subjectId} does not open with master key ${master.id}: is LEDGER_MASTER_KEY the key the data was written with?`,
    );
  }
}

// The keyring the read and write paths use: set once from the configuration at start; code that never
// configured it (unit tests of projections) gets the development key.
let configured: MasterKey | null = null;
let warned = false;

export function useMasterKey(key: MasterKey, env: { NODE_ENV?: string } = {}): void {
  configured = key;
  if (key.dev && env.NODE_ENV !== 'test' && !warned) {
    warned = true;
    process.stderr.write(
      '\n*** WARNING: no LEDGER_MASTER_KEY is set: personal data is encrypted with the PUBLIC development key. ***\n' +
        '*** Anyone with this code can read it. Set LEDGER_MASTER_KEY (openssl rand -base64 32) before real data. ***\n\n',
    );
  }
}

export const currentMasterKey = (): MasterKey => configured ?? devMasterKey();
