// Plain JS: Jest loads globalSetup outside its module mapper. Drops test databases left by
// runs whose process is gone (a crash or a killed run); live parallel runs keep theirs.
import pg from 'pg';

const PREFIX = 'partnership_ledger_test_';
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup() {
  const client = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${PREFIX}%`]);
    for (const { datname } of rows) {
      const pid = Number(String(datname).slice(PREFIX.length).split('_')[0]);
      if (pid && isAlive(pid)) continue;
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
