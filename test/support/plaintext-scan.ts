// Where a text is still held: every table of the database (each row as text, bytea included) and
// every Redis key under a prefix (each value whatever its type). The privacy tests scan with it.
import type { Redis } from 'ioredis';
import type pg from 'pg';

/** "table: rows" for each base table with a row whose text holds `needle` (raw, or hex-encoded in bytea). */
export async function tablesHolding(db: pg.Pool | pg.ClientBase, needle: string): Promise<string[]> {
  const { rows: tables } = await db.query(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  const found: string[] = [];
  for (const { t } of tables) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${t} x WHERE strpos(x::text, $1) > 0 OR strpos(x::text, $2) > 0`, [
      needle,
      hex,
    ]);
    if (rows[0].n) found.push(`${t}: ${rows[0].n}`);
  }
  return found;
}

/** Keys under `prefix` whose name or value holds `needle`. */
export async function redisKeysHolding(redis: Redis, prefix: string, needle: string): Promise<string[]> {
  if (!prefix.includes('test')) throw new Error('scan only a test prefix');
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let values: string[] = [];
      if (type === 'string') values = [(await redis.get(key)) ?? ''];
      else if (type === 'hash') values = Object.entries(await redis.hgetall(key)).flat();
      else if (type === 'list') values = await redis.lrange(key, 0, -1);
      else if (type === 'set') values = await redis.smembers(key);
      else if (type === 'zset') values = await redis.zrange(key, 0, -1);
      else if (type === 'stream') values = (await redis.xrange(key, '-', '+')).flatMap(([id, f]) => [id, ...f]);
      if ([key, ...values].some((v) => v.includes(needle))) found.push(key);
    }
  } while (cursor !== '0');
  return found;
}
