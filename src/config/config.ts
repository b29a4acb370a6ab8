import { z } from 'zod';

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
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    DORMANT_AFTER_DAYS: z.coerce.number().int().min(1).default(365),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    WORKERS_ENABLED: bool.default(true),
    DIGEST_CRON: z.string().min(1).default('0 7 * * 1'),
    REMINDER_DAYS: z.coerce.number().int().min(1).default(14),
    /** Signs list cursors so a tampered cursor is refused; set it in production. */
    CURSOR_SECRET: z.string().min(8).default('partnership-ledger-cursors'),
    /** How long a read waits for the projection to catch up with the partnership's latest event before folding the stream. */
    READ_YOUR_WRITES_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(2000),
    /** Run the projection runners in this process (one owner at a time across processes, by advisory lock). */
    PROJECTIONS_ENABLED: bool.default(true),
    PROJECTION_POLL_MS: z.coerce.number().int().min(10).default(1000),
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
  })
  .refine((c) => c.REPORT_BACKOFF_MAX_MS >= c.REPORT_BACKOFF_MS, {
    message: 'must not be smaller than REPORT_BACKOFF_MS',
    path: ['REPORT_BACKOFF_MAX_MS'],
  });

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once; the only place that touches process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "unset", as most shells and compose files produce.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
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
