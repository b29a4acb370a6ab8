import os from 'node:os';
import pg from 'pg';

export async function machineInfo(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const setting = async (name: string) => (await c.query<{ v: string }>(`SELECT current_setting($1, true) AS v`, [name])).rows[0].v;
    return {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      postgres: await setting('server_version'),
      postgresSettings: {
        shared_buffers: await setting('shared_buffers'),
        synchronous_commit: await setting('synchronous_commit'),
        fsync: await setting('fsync'),
        wal_level: await setting('wal_level'),
        max_connections: await setting('max_connections'),
      },
      loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
      note: 'client and server share the same cores',
    };
  } finally {
    await c.end();
  }
}
