import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The node-postgres pool inside the data source: the one pool of the process, shared by the event
 * store, the read models and the reports. Only this module knows where TypeORM keeps it; whoever owns
 * the data source (TypeORM's module in the app, the script or test that opened it) closes it.
 */
export function poolOf(ds: DataSource): pg.Pool {
  return (ds.driver as unknown as { master: pg.Pool }).master;
}
