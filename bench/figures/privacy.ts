// The cost of crypto-shredding on append (issue 26): the same events with personal fields (three
// participants and a contact person) appended through PostgresEventStore, once as they are and once
// encrypted first as the write path does it (sealEvents: the subjects' keys looked up, each value
// sealed with AES-256-GCM), in the same run, same writers, same database. Beside the rates, the CPU
// each appended event took — this process and every PostgreSQL process (/proc, so only with
// PostgreSQL on this machine; by pid, a backend replaced during a long phase lost the reading) —
// which other load on a shared machine moves less than a rate.
import { randomUUID } from 'node:crypto';
import { openDatabase, poolOf } from '../../src/config/database.js';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { sealEvents } from '../../src/privacy/sealing.js';
import { postgresCpu } from '../lib/cpu.js';
import { runClosedLoop, type RunResult } from '../lib/driver.js';

export interface EncryptionFigure {
  writers: number;
  plain: RunResult;
  encrypted: RunResult;
  /** encrypted / plain, events per second: 1 means encryption is free */
  ratio: number;
  /** µs of CPU per appended event: this process, and PostgreSQL's processes (null without /proc) */
  cpu: { plain: CpuPerEvent; encrypted: CpuPerEvent } | null;
}

interface CpuPerEvent {
  client: number;
  backends: number;
}

const ROLES = ['Office Tester', 'Council Clerk', 'Youth Worker', 'Interpreter', 'Project Lead'];

/** An activity naming people: a few dozen distinct people across the run, as an office has. */
function activity(n: number) {
  const person = (k: number) => `${ROLES[k % ROLES.length]} ${Math.floor(k / ROLES.length) % 10}`;
  return {
    type: 'ActivityHeld',
    data: {
      occurredOn: { date: `2024-${String((n % 12) + 1).padStart(2, '0')}`, precision: 'month' },
      title: `Youth exchange ${n}`,
      place: 'Zhytomyr',
      participants: [person(n), person(n + 7), person(n + 13)],
      contactPerson: person(n + 3),
    },
    metadata: { actor: 'bench', source: 'bench' },
  };
}

export async function benchEncryption(
  url: string,
  p: { writers: number; warmupMs: number; durationMs: number },
  log: (s: string) => void,
): Promise<EncryptionFigure> {
  const ds = await openDatabase(url, { migrate: false, poolSize: p.writers });
  const pool = poolOf(ds);
  const store = new PostgresEventStore(pool);
  try {
    const cpu: Partial<Record<'plain' | 'encrypted', CpuPerEvent | null>> = {};
    const run = async (label: string, encrypt: boolean) => {
      const tag = randomUUID().slice(0, 8);
      const versions = new Map<number, number>();
      let appended = 0;
      const [client0, backends0] = [process.cpuUsage(), postgresCpu()];
      const r = await runClosedLoop({ concurrency: p.writers, warmupMs: p.warmupMs, durationMs: p.durationMs }, async (w, i) => {
        const events = [activity(i * p.writers + w)];
        const stored = encrypt ? await sealEvents(pool, INSTANCE_ORGANISATION_ID, events) : events;
        const out = await store.append(`${label}-${tag}-w${w}`, stored, { expectedVersion: versions.get(w) ?? 'no_stream' });
        versions.set(w, out.nextVersion);
        appended++;
      });
      // Warm-up included: CPU counts every event appended in the phase.
      const [client, backends] = [process.cpuUsage(client0), postgresCpu()];
      const used =
        backends === null || backends0 === null || !appended
          ? null
          : { client: (client.user + client.system) / appended, backends: (backends - backends0) / appended };
      cpu[encrypt ? 'encrypted' : 'plain'] = used;
      log(
        `  ${label}: ${r.opsPerSecond.toFixed(0)} ev/s p50 ${r.p50Ms.toFixed(2)} p99 ${r.p99Ms.toFixed(2)} errors ${r.errors}` +
          (used ? `; CPU per event ${used.client.toFixed(0)} µs here + ${used.backends.toFixed(0)} µs in PostgreSQL` : ''),
      );
      return r;
    };
    log(`append of events with personal fields @ ${p.writers} writers: plain, then encrypted`);
    const plain = await run('personal-plain', false);
    const encrypted = await run('personal-sealed', true);
    return {
      writers: p.writers,
      plain,
      encrypted,
      ratio: encrypted.opsPerSecond / plain.opsPerSecond,
      cpu: cpu.plain && cpu.encrypted ? { plain: cpu.plain, encrypted: cpu.encrypted } : null,
    };
  } finally {
    store.close();
    await ds.destroy();
  }
}
