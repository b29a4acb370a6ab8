// A worker process that dies in the middle of a report job (acceptance 3). Plain BullMQ on the same
// queue and prefix as the app; it claims the report row like the real worker, reports progress, and
// exits without finishing — the way an OOM kill or a crashed pod would.
import { Worker } from 'bullmq';
import pg from 'pg';

const { REDIS_URL, REDIS_PREFIX, DATABASE_URL } = process.env;
const url = new URL(REDIS_URL);
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });

const worker = new Worker(
  'reports',
  async (job) => {
    await pool.query(`UPDATE reports SET status = 'running', attempts = attempts + 1, started_at = now() WHERE id = $1`, [
      job.data.reportId,
    ]);
    await job.updateProgress(30);
    process.stdout.write(`took ${job.id}\n`);
    setTimeout(() => process.exit(137), 50); // dies mid-job: no completion, no failure, the lock is left to expire
    await new Promise(() => undefined);
  },
  {
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: REDIS_PREFIX,
    lockDuration: 1000,
    stalledInterval: 500,
  },
);
worker.on('error', () => undefined);
setTimeout(() => {
  process.stderr.write('no job arrived\n');
  process.exit(2);
}, 20_000).unref();
