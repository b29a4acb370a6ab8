// The ledger:keygen, ledger:digest and ledger:verify commands. Each main takes its arguments and
// environment and returns the exit code, so tests run them in-process against their own database.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/config.js';
import { DependencyUnavailableError, openDatabase, poolOf } from './config/database.js';
import { progress } from './shared/progress.js';
import type { BrokenLink } from './event-store/integrity/chain.js';
import { CheckpointRefusedError, LedgerCheckpointer } from './event-store/integrity/checkpoints.js';
import type { StreamMismatch } from './event-store/integrity/compare.js';
import { DigestRefusedError, openDigestFile, toDigestFile, type SignedCheckpoint } from './event-store/integrity/digest.js';
import { NO_KEY_HINT, keyIdOf, type LedgerKeys } from './event-store/integrity/keys.js';
import { verifyLedger } from './event-store/integrity/verify.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const processIO: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Exit codes: 0 intact / done, 1 verify found the log broken, 2 could not run as asked (a digest refused to sign included). */
const EXIT = { ok: 0, tampered: 1, failed: 2 } as const;

type Env = Record<string, string | undefined>;

function args(argv: string[], options: ParseArgsConfig['options']) {
  return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values as Record<string, string | boolean | undefined>;
}

async function withDatabase<T>(env: Env, fn: (ds: DataSource, keys: LedgerKeys) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const keys = config.ledgerKeys;
  const ds = await openDatabase(config.DATABASE_URL, { migrate: config.DB_MIGRATE_ON_START, poolSize: 2 });
  try {
    return await fn(ds, keys);
  } finally {
    await ds.destroy();
  }
}

function failure(err: unknown, io: CliIO, usage: string): number {
  if (err instanceof ConfigError || err instanceof DependencyUnavailableError) io.err(`${err.message}\n`);
  else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) io.err(`${(err as Error).message}\n${usage}`);
  else io.err(`${(err as Error).message ?? String(err)}\n`);
  return EXIT.failed;
}

const KEYGEN_USAGE = 'usage: npm run ledger:keygen -- --out <private-key.pem>\n';

/** Writes a new Ed25519 key pair: the private key (mode 600, never overwritten) and its public key beside it. */
export function ledgerKeygenMain(argv: string[], _env: Env = {}, io: CliIO = processIO): Promise<number> {
  return Promise.resolve(keygen(argv, io));
}

function keygen(argv: string[], io: CliIO): number {
  try {
    const v = args(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (v.help || typeof v.out !== 'string' || !v.out) {
      io.err(KEYGEN_USAGE);
      return v.help ? EXIT.ok : EXIT.failed;
    }
    const out = v.out;
    const pub = `${out.replace(/\.pem$/, '')}.pub.pem`;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      io.err(
        code === 'EEXIST'
          ? `${(err as { path?: string }).path ?? out} already exists; a key is never overwritten\n`
          : `${(err as Error).message}\n`,
      );
      return EXIT.failed;
    }
    io.out(
      `Created an Ed25519 checkpoint signing key ${keyIdOf(publicKey)}.\n` +
        `  private key: ${out}  (keep it off the database host's backups; the service signs with it)\n` +
        `  public key:  ${pub}  (give it to whoever verifies; it cannot sign)\n\n` +
        `Configure the service with:\n  LEDGER_SIGNING_KEY_FILE=${out}\n` +
        `A verifier without the private key uses:\n  LEDGER_PUBLIC_KEYS_FILE=${pub}\n`,
    );
    return EXIT.ok;
  } catch (err) {
    return failure(err, io, KEYGEN_USAGE);
  }
}

const DIGEST_USAGE = 'usage: npm run ledger:digest [-- --out <digest.json>] [--force] [--rebase]\n';

/** Records a signed checkpoint of the current log (or finds the latest still current) and prints it as a digest file. */
export async function ledgerDigestMain(argv: string[], env: Env = {}, io: CliIO = processIO): Promise<number> {
  try {
    const v = args(argv, {
      out: { type: 'string' },
      force: { type: 'boolean' },
      rebase: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (v.help) {
      io.err(DIGEST_USAGE);
      return EXIT.ok;
    }
    return await withDatabase(env, async (ds, keys) => {
      if (!keys.signer) {
        io.err(`checkpoints are unsigned and disabled: ${NO_KEY_HINT}\n`);
        return EXIT.failed;
      }
      let outcome;
      try {
        outcome = await new LedgerCheckpointer(poolOf(ds), keys).checkpoint({
          wait: true,
          force: v.force === true,
          rebase: v.rebase === true,
        });
      } catch (err) {
        if (!(err instanceof CheckpointRefusedError)) throw err;
        io.err(
          `refused to sign: ${err.message}\nRun \`npm run ledger:verify\` to see every broken stream. ` +
            `Once investigated, \`-- --force\` signs the log as it is, recording this refusal in the checkpoint.\n`,
        );
        return EXIT.failed;
      }
      if (outcome.status === 'busy') throw new Error('unreachable: the digest command waits for the writer lock');
      const c = outcome.checkpoint;
      if (outcome.status === 'created' && c.payload.forced)
        io.err(
          `signed over a refusal (${v.force ? '--force' : '--rebase'}), recorded in checkpoint ${c.payload.id}:\n  ${c.payload.forced.join('\n  ')}\n`,
        );
      const json = JSON.stringify(toDigestFile(c), null, 2) + '\n';
      if (typeof v.out === 'string') writeFileSync(v.out, json);
      io.out(json);
      io.err(
        `${outcome.status === 'created' ? 'recorded checkpoint' : 'nothing appended since checkpoint'} ${c.payload.id}: ` +
          `${c.payload.eventCount} events in ${c.payload.streamCount} streams, signed with key ${c.keyId}` +
          `${typeof v.out === 'string' ? `; written to ${v.out}` : ''}\n`,
      );
      return EXIT.ok;
    });
  } catch (err) {
    return failure(err, io, DIGEST_USAGE);
  }
}

const VERIFY_USAGE = 'usage: npm run ledger:verify [-- --digest <digest.json>] [--json]\n';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const linkLine = (b: BrokenLink) =>
  `BROKEN  ${b.streamId} v${b.streamVersion} (event ${b.eventId}, position ${b.globalPosition}): ${b.problems.map((p) => p.message).join('; ')}\n`;
const mismatchLine = (m: StreamMismatch) => `STREAM  ${m.streamId}: ${m.message}\n`;

/** Checks every chain, every checkpoint and the log against the signed heads; exit 0 only when all is intact. */
export async function ledgerVerifyMain(argv: string[], env: Env = {}, io: CliIO = processIO): Promise<number> {
  try {
    const v = args(argv, { digest: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (v.help) {
      io.err(VERIFY_USAGE);
      return EXIT.ok;
    }
    const json = v.json === true;
    return await withDatabase(env, async (ds, keys) => {
      let digest: SignedCheckpoint | undefined;
      if (typeof v.digest === 'string') {
        if (!keys.trusted.size) {
          io.err(`cannot check the digest file's signature: ${NO_KEY_HINT}, or set LEDGER_PUBLIC_KEYS_FILE\n`);
          return EXIT.failed;
        }
        let text: string;
        try {
          text = readFileSync(v.digest, 'utf8');
        } catch (err) {
          io.err(`cannot read ${v.digest}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
          return EXIT.failed;
        }
        try {
          digest = openDigestFile(text, keys);
        } catch (err) {
          if (!(err instanceof DigestRefusedError)) throw err;
          if (json) io.out(JSON.stringify({ ok: false, refused: { file: v.digest, reason: err.message } }, null, 2) + '\n');
          else io.err(`refused digest file ${v.digest}: ${err.message}\n`);
          return EXIT.failed;
        }
      }
      // On the real command line: a bar on a terminal, plain lines otherwise (both on stderr).
      const bar = io === processIO ? progress('checking hash chains', { unit: 'events' }) : null;
      const report = await verifyLedger(poolOf(ds), keys, {
        digest,
        onBroken: json ? undefined : (b) => io.out(linkLine(b)),
        onMismatch: json ? undefined : (m) => io.out(mismatchLine(m)),
        onProgress: bar ? (done, total) => bar.update(done, total) : undefined,
      });
      bar?.stop();
      if (json) {
        io.out(JSON.stringify(report, null, 2) + '\n');
      } else {
        const c = report.chain;
        const lines = [
          `chains: ${c.eventsChecked} events in ${c.streamsChecked} streams; ${c.brokenLinks ? `${plural(c.brokenLinks, 'broken link')} in ${plural(c.brokenStreams.length, 'stream')}` : 'every link intact'}`,
        ];
        const k = report.checkpoints;
        if (k.checked)
          lines.push(
            `checkpoints: ${k.rows} in the table, ${k.valid} valid` +
              (k.latestValid ? `; latest valid ${k.latestValid.id} of ${k.latestValid.createdAt}, key ${k.latestValid.keyId}` : ''),
          );
        for (const p of k.problems) lines.push(`PROBLEM ${p.checkpointId === null ? '' : `checkpoint ${p.checkpointId}: `}${p.message}`);
        for (const cmp of report.comparisons)
          lines.push(
            `against checkpoint ${cmp.checkpointId} (${cmp.source}, ${cmp.createdAt}): ` +
              (cmp.ok
                ? `matches (${cmp.signed.eventCount} events in ${cmp.signed.streamCount} streams)`
                : `DOES NOT MATCH (${plural(cmp.mismatchedStreams, 'stream')} differing; signed ${cmp.signed.eventCount} events, found ${cmp.actual.eventCount})`),
          );
        for (const n of report.notes) lines.push(`note: ${n}`);
        if (!keys.signer && keys.trusted.size) lines.push('note: no signing key here: checkpoints are verified, not written');
        lines.push(
          report.ok
            ? 'RESULT: intact'
            : `RESULT: NOT INTACT — ${plural(report.brokenStreams.length, 'broken stream')}${report.brokenStreams.length ? `: ${report.brokenStreams.slice(0, 50).join(', ')}${report.brokenStreams.length > 50 ? ', …' : ''}` : ''}`,
        );
        io.out(lines.join('\n') + '\n');
      }
      return report.ok ? EXIT.ok : EXIT.tampered;
    });
  } catch (err) {
    return failure(err, io, VERIFY_USAGE);
  }
}
