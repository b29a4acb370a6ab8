import { createHash, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { LedgerKeys } from './keys.js';

export const CHECKPOINT_FORMAT = 'partnership-ledger/checkpoint/v1';
const DIGEST_FILE_FORMAT = 'partnership-ledger/digest/v1';

/** What a checkpoint signs: the global head of the log and a hash over every stream's head. */
export interface CheckpointPayload {
  format: typeof CHECKPOINT_FORMAT;
  id: number;
  /** The checkpoint this one extends; null only for the first. */
  previous: { id: number; digest: string } | null;
  /** The checkpoint from which this one's stream heads are stored (itself for a full list). */
  baseId: number;
  createdAt: string;
  /** The PostgreSQL snapshot (pg_snapshot text) whose visible events the checkpoint covers. */
  snapshot: string;
  /** The newest event in gap-safe order (transaction id, global position); '0'/0 for an empty log. */
  head: { transactionId: string; position: number };
  eventCount: number;
  streamCount: number;
  /** sha256 over the sorted list of stream heads, see headsHasher(). */
  headsRoot: string;
  /** Only on a checkpoint an operator signed over a refusal (--force): what the writer's checks found. */
  forced?: string[];
}

export interface SignedCheckpoint {
  payload: CheckpointPayload;
  /** The exact signed text: RFC 8785 canonical JSON of the payload. */
  text: string;
  digest: string;
  keyId: string;
  signature: string;
}

export interface DigestFile {
  format: typeof DIGEST_FILE_FORMAT;
  checkpoint: CheckpointPayload;
  digest: string;
  signature: { algorithm: 'Ed25519'; keyId: string; value: string };
}

/** A digest file or checkpoint row that cannot be trusted: unsigned, signed by an unknown key, or altered. */
export class DigestRefusedError extends Error {
  readonly code = 'digest_refused';
}

function canonicalText(payload: CheckpointPayload): string {
  const text = canonicalize(payload);
  if (text === undefined) throw new Error('checkpoint payload cannot be serialized');
  return text;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function signPayload(payload: CheckpointPayload, signer: NonNullable<LedgerKeys['signer']>): SignedCheckpoint {
  const text = canonicalText(payload);
  return {
    payload,
    text,
    digest: sha256Hex(text),
    keyId: signer.keyId,
    signature: sign(null, Buffer.from(text, 'utf8'), signer.privateKey).toString('base64'),
  };
}

/**
 * Checks a signed text against the trusted keys and returns its payload; throws DigestRefusedError
 * naming what is wrong. The text must be canonical, so two encodings of one payload never both pass.
 */
export function openSigned(text: string, digest: string, keyId: string, signature: string, keys: LedgerKeys): CheckpointPayload {
  const key = keys.trusted.get(keyId);
  if (!key) throw new DigestRefusedError(`signed by key ${keyId}, which is not a trusted key`);
  let ok: boolean;
  try {
    ok = verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new DigestRefusedError(`signature does not verify with key ${keyId}: the checkpoint was altered or signed by another key`);
  if (sha256Hex(text) !== digest) throw new DigestRefusedError('digest does not match the signed checkpoint');
  let payload: CheckpointPayload;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new DigestRefusedError('signed checkpoint is not JSON');
  }
  if (payload?.format !== CHECKPOINT_FORMAT) throw new DigestRefusedError(`unknown checkpoint format ${JSON.stringify(payload?.format)}`);
  if (canonicalText(payload) !== text) throw new DigestRefusedError('signed checkpoint is not in canonical form');
  return payload;
}

export function toDigestFile(c: SignedCheckpoint): DigestFile {
  return {
    format: DIGEST_FILE_FORMAT,
    checkpoint: c.payload,
    digest: c.digest,
    signature: { algorithm: 'Ed25519', keyId: c.keyId, value: c.signature },
  };
}

/** Parses and authenticates a digest file; throws DigestRefusedError when it cannot be trusted. */
export function openDigestFile(json: string, keys: LedgerKeys): SignedCheckpoint {
  let file: Partial<DigestFile>;
  try {
    file = JSON.parse(json);
  } catch {
    throw new DigestRefusedError('is not JSON');
  }
  if (file?.format !== DIGEST_FILE_FORMAT) throw new DigestRefusedError(`is not a ledger digest (format ${JSON.stringify(file?.format)})`);
  const sig = file.signature;
  if (!sig || typeof sig.value !== 'string' || typeof sig.keyId !== 'string' || sig.algorithm !== 'Ed25519')
    throw new DigestRefusedError('is not signed (an Ed25519 signature with keyId and value is required)');
  if (!file.checkpoint || typeof file.checkpoint !== 'object') throw new DigestRefusedError('holds no checkpoint');
  let text: string;
  try {
    text = canonicalText(file.checkpoint as CheckpointPayload);
  } catch {
    throw new DigestRefusedError('holds a checkpoint that cannot be serialized');
  }
  const payload = openSigned(text, String(file.digest), sig.keyId, sig.value, keys);
  return { payload, text, digest: String(file.digest), keyId: sig.keyId, signature: sig.value };
}

/** Hash over a list of stream heads in byte order of their ids: one line of JSON per stream. */
export function headsHasher() {
  const hash = createHash('sha256').update('partnership-ledger/heads/v1\n');
  let count = 0;
  return {
    add(streamId: string, version: number, headHash: string) {
      hash.update(JSON.stringify([streamId, version, headHash]) + '\n', 'utf8');
      count++;
    },
    get count() {
      return count;
    },
    digest: () => hash.digest('hex'),
  };
}
