import { z } from 'zod';
import { LedgerKeyError, loadLedgerKeys, type LedgerKeys } from '../event-store/integrity/keys.js';
import { signInProblems, signInSettings } from './sign-in.js';
import { jsonObject } from './json-object.js';
import { loadMasterKey, MasterKeyError, type MasterKey } from '../privacy/master-key.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
  );

/** An http(s) origin, optionally with a path, without query or fragment; kept without a trailing slash. */
const publicBaseUrl = url(['http:', 'https:'])
  .refine((v) => {
    const u = new URL(v);
    return !u.search && !u.hash && !u.username && !u.password;
  }, 'must have no query, fragment or credentials')
  .transform((v) => new URL(v).href.replace(/\/+$/, ''));

/** `{"de":"…","en":"…"}`: language tag → name. */
const localizedNameJson = jsonObject<string>(
  (k, n) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(k) && typeof n === 'string' && n.trim() !== '',
  'must be a JSON object of language → name, e.g. {"de":"Stadt Dortmund","en":"City of Dortmund"}',
  { nonEmpty: true },
);

const DEFAULT_CURSOR_SECRET = 'partnership-ledger-cursors';

/**
 * Secrets that have a default for development. The defaults are public (they are in this file), so
 * with NODE_ENV=production each must be set explicitly, to something else, and long enough.
 */
const PRODUCTION_SECRETS: Record<string, { default: string; why: string }> = {
  CURSOR_SECRET: {
    default: DEFAULT_CURSOR_SECRET,
    why: 'it signs list cursors, and with the public default anyone could forge one',
  },
};
const MIN_PRODUCTION_SECRET_LENGTH = 32;

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/partnership_ledger'),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]+$/, 'letters, digits, : _ - only')
      .default('pl'),
    DB_CREATE_IF_MISSING: bool.default(true),
    DB_MIGRATE_ON_START: bool.default(true),
    // The role request work runs as (row-level security); empty when DATABASE_URL logs in as it.
    DATABASE_APP_ROLE: z
      .string()
      .regex(/^(|[a-z_][a-z0-9_]{0,62})$/)
      .default('ledger_app'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    /** How long a request waits for a pool connection (or a new one to open) before it is answered 503. */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** PostgreSQL's statement_timeout for the service's connections; 0 leaves the server's setting. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(0),
    /** PostgreSQL's lock_timeout for the service's connections: a request held by a lock is answered in time; 0 leaves the server's. */
    DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    DORMANT_AFTER_DAYS: z.coerce.number().int().min(1).default(365),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Requests per minute per address to the public pages and feeds (no key there to count by). */
    PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    /** Cache-Control max-age of the public pages and feeds: how long a proxy may serve them without asking. */
    PUBLIC_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    /** Requests per organisation per minute, all its keys and members together: one busy tenant cannot starve the others. */
    RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    /** Failed authentications (unknown, expired, revoked or malformed keys) per minute per address before it gets 429. */
    AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    WORKERS_ENABLED: bool.default(true),
    DIGEST_CRON: z.string().min(1).default('0 7 * * 1'),
    REMINDER_DAYS: z.coerce.number().int().min(1).default(14),
    /** Signs list cursors so a tampered cursor is refused; must be set in production (see PRODUCTION_SECRETS). */
    CURSOR_SECRET: z.string().min(8).default(DEFAULT_CURSOR_SECRET),
    /** How long a read waits for the projection to catch up with the partnership's latest event before folding the stream. */
    READ_YOUR_WRITES_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(2000),
    /** Run the projection runners in this process (one owner at a time across processes, by advisory lock). */
    PROJECTIONS_ENABLED: bool.default(true),
    PROJECTION_POLL_MS: z.coerce.number().int().min(10).default(1000),
    /** How often the change feed's event stream sends a comment line, so proxies keep an idle connection open. */
    CHANGES_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    /** Attempts a report gets for an unexpected (unclassified) error; temporary failures do not count. */
    REPORT_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    /** First retry delay after a failed attempt; doubles each time up to REPORT_BACKOFF_MAX_MS. */
    REPORT_BACKOFF_MS: z.coerce.number().int().min(10).default(5000),
    REPORT_BACKOFF_MAX_MS: z.coerce.number().int().min(10).default(300_000),
    /** How long a job's own retries cover temporary failures; after that the reconciler keeps retrying. */
    REPORT_RETRY_FOR_MS: z.coerce.number().int().min(1000).default(1_800_000),
    /** How often queued/running reports are checked against Redis and lost jobs re-enqueued. */
    REPORT_RECONCILE_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    /** Polling interval of the outbox relay (it is also woken right after each commit). */
    REPORT_RELAY_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
    REPORT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    REPORT_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
    REPORT_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
    ENQUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
    DIGEST_ENABLED: bool.default(true),
    /** Ed25519 private key (PKCS#8 PEM) that signs ledger checkpoints; kept outside the database. */
    LEDGER_SIGNING_KEY_FILE: z.string().optional(),
    /** The same key inline (PEM or one line of base64 DER), for secret stores that inject variables. */
    LEDGER_SIGNING_KEY: z.string().optional(),
    /** Public keys (PEM) whose checkpoints a verifier accepts besides the signing key's: rotated-out keys, or an auditor's only key. */
    LEDGER_PUBLIC_KEYS_FILE: z.string().optional(),
    /** Wraps the data keys of personal data (docs/privacy.md): base64 of 32 random bytes; required in production. */
    LEDGER_MASTER_KEY: z.string().optional(),
    /** The same key in a file (mode 600), for secret stores that mount files. */
    LEDGER_MASTER_KEY_FILE: z.string().optional(),
    /** How often the service records a signed checkpoint when events were appended; 0 turns it off. */
    LEDGER_CHECKPOINT_INTERVAL_MS: z.coerce
      .number()
      .int()
      .refine((v) => v === 0 || v >= 1000, 'must be 0 (off) or at least 1000')
      .default(300_000),
    /** The address clients reach this service at: OParl ids and calendar subscription links are built from it. */
    PUBLIC_BASE_URL: publicBaseUrl.default('http://localhost:3000'),
    /** Serve /oparl/v1.1/ without an API key (rate-limited per address); off: a key with read access is needed. */
    OPARL_PUBLIC: bool.default(false),
    /** OParl System and Body: the service's name, contact and licence; the municipality's names and AGS. */
    OPARL_SYSTEM_NAME: z.string().trim().min(1).max(200).default('Partnership Ledger'),
    OPARL_CONTACT_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
    OPARL_LICENSE: url(['http:', 'https:']).optional(),
    /** Default: the own municipality the partnerships name most often (its German name). */
    OPARL_BODY_NAME: z.string().trim().min(1).max(200).optional(),
    OPARL_BODY_SHORT_NAME: z.string().trim().min(1).max(100).optional(),
    OPARL_BODY_WEBSITE: url(['http:', 'https:']).optional(),
    /** Amtlicher Gemeindeschlüssel: eight digits. */
    OPARL_BODY_AGS: z
      .string()
      .regex(/^\d{8}$/, 'must be the eight-digit Amtlicher Gemeindeschlüssel, e.g. 05913000')
      .optional(),
    /** The reporting organisation of the IATI export: its IATI organisation identifier (needed for the export). */
    IATI_REPORTING_ORG_REF: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._:-]{1,99}$/,
        'must be an IATI organisation identifier such as DE-GOV-05913000 (letters, digits, . _ : -)',
      )
      .optional(),
    /** IATI OrganisationType code; 11 = local government. */
    IATI_REPORTING_ORG_TYPE: z
      .string()
      .regex(/^\d{2}$/, 'must be a two-digit IATI OrganisationType code such as 11 (local government)')
      .default('11'),
    /** Its name per language as JSON, e.g. {"de":"Stadt Dortmund","en":"City of Dortmund"}; missing languages: the partnership's own municipality. */
    IATI_REPORTING_ORG_NAME: localizedNameJson.optional(),
    /** Prefix of every iati-identifier (`<prefix>-<partnershipId>`); default IATI_REPORTING_ORG_REF. */
    IATI_ACTIVITY_ID_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{1,99}$/, 'letters, digits, . _ : - only')
      .optional(),
    /** Outgoing mail (smtp://user:pass@host:587 or smtps://…); unset: no mail is sent and readiness says so. */
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    /** The From of every mail, e.g. "Partnership Ledger <ledger@dortmund.example>". */
    MAIL_FROM: z.string().trim().min(3).max(300).default('Partnership Ledger <ledger@localhost>'),
    /** How long a person's entries are gathered into one mail after the first one. */
    MAIL_BATCH_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
    /** Webhook URLs may use plain http (intranets, tests); otherwise https only. */
    WEBHOOK_ALLOW_HTTP: bool.default(false),
    /** Webhooks may reach private, loopback and link-local addresses (tests, intranets); off: refused. */
    WEBHOOK_ALLOW_PRIVATE: bool.default(false),
    /** How long one webhook delivery may take (connect, send, answer). */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** An endpoint that only failed for this many days is disabled (its admins get a mail). */
    WEBHOOK_DISABLE_AFTER_DAYS: z.coerce.number().min(0.001).max(365).default(5),
    /** How often the delivery worker looks for due mails and webhook deliveries (it is also woken on commit). */
    NOTIFY_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
    /** A worker's hold on a mail or delivery it is sending; a killed worker's rows are taken over after it. */
    NOTIFY_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    /** Sign-in: OIDC_*, SESSION_*, KEY_SIGN_IN (src/config/sign-in.ts). */
    ...signInSettings,
  })
  .superRefine((c, ctx) => {
    for (const p of signInProblems(c)) ctx.addIssue({ code: 'custom', message: p.message, path: [p.path] });
  })
  .refine((c) => c.REPORT_BACKOFF_MAX_MS >= c.REPORT_BACKOFF_MS, {
    message: 'must not be smaller than REPORT_BACKOFF_MS',
    path: ['REPORT_BACKOFF_MAX_MS'],
  })
  .refine((c) => !(c.LEDGER_SIGNING_KEY_FILE && c.LEDGER_SIGNING_KEY), {
    message: 'set LEDGER_SIGNING_KEY_FILE or LEDGER_SIGNING_KEY, not both',
    path: ['LEDGER_SIGNING_KEY'],
  })
  // The keys are read and parsed here, once; the checkpointer and the ledger commands take the result.
  .transform((c, ctx) => {
    let ledgerKeys: LedgerKeys = { signer: null, trusted: new Map() };
    try {
      ledgerKeys = loadLedgerKeys(c);
    } catch (err) {
      if (!(err instanceof LedgerKeyError)) throw err;
      // the reason, never the key, goes into the message
      ctx.addIssue({ code: 'custom', message: err.message, path: [err.setting] });
    }
    let masterKey: MasterKey | null = null;
    try {
      masterKey = loadMasterKey(c);
    } catch (err) {
      if (!(err instanceof MasterKeyError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message, path: [err.setting] });
    }
    return { ...c, ledgerKeys, masterKey: masterKey! };
  });

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once; the only place that touches process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "unset", as most shells and compose files produce.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${shown(String(i.path[0]), cleaned[String(i.path[0])])})`);
  if (cleaned.NODE_ENV === 'production') lines.push(...productionSecretProblems(cleaned));
  if (!parsed.success || lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  return parsed.data;
}

/** A rejected value as an error message may show it: never a secret, never a URL's password. */
function shown(name: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (name in PRODUCTION_SECRETS || /(_KEY|_SECRET)$/.test(name)) return `a value of ${value.length} characters`;
  return JSON.stringify(/_URL$/.test(name) ? redactUrl(value) : value);
}

/** One line per secret that production may not run with; the value itself is never printed. */
function productionSecretProblems(env: Record<string, string | undefined>): string[] {
  return Object.entries(PRODUCTION_SECRETS).flatMap(([name, s]) => {
    const value = env[name];
    const problem =
      value === undefined
        ? 'must be set when NODE_ENV=production'
        : value === s.default
          ? 'must not be the built-in development default when NODE_ENV=production'
          : value.length < MIN_PRODUCTION_SECRET_LENGTH
            ? `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters when NODE_ENV=production`
            : null;
    return problem ? [`  ${name}: ${problem}: ${s.why}. Generate one with: openssl rand -base64 48`] : [];
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** A URL with its password hidden, for messages. */
export function redactUrl(value: string): string {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return value;
  }
}
