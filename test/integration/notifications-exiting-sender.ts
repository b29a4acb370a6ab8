// A delivery worker process that is killed while it sends a mail: the real MailSender claims the
// due mail (taking its lease) and starts the SMTP transaction; the test kills this process when the
// SMTP server sees the data arrive, the way an OOM kill or a crashed pod would.
import pg from 'pg';
import { loadConfig } from '../../src/config/config.js';
import { MailSender } from '../../src/notifications/mail-sender.js';

const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_URL: process.env.DATABASE_URL,
  SMTP_URL: process.env.SMTP_URL,
  MAIL_FROM: process.env.MAIL_FROM,
  NOTIFY_LEASE_MS: process.env.NOTIFY_LEASE_MS,
  LOG_LEVEL: 'silent',
});
const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 1 });
const sender = new MailSender(pool, config);
process.stdout.write('sending\n');
await sender.runOnce(new Date(process.env.NOW!));
process.stdout.write('sent (the test should have killed this process first)\n');
process.exit(3);
