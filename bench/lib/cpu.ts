// CPU time of processes from /proc (Linux): what a request or an event cost in CPU, which on a
// machine shared by client, server and database explains a rate better than the rate itself.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 10_000; // clock ticks of 10 ms (USER_HZ 100)

function statOf(pid: number | string): { comm: string; us: number } | null {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = line.lastIndexOf(')');
    // utime and stime: fields 14 and 15 of the line, 12 and 13 after the command name
    const f = line.slice(close + 2).split(' ');
    return { comm: line.slice(line.indexOf('(') + 1, close), us: (Number(f[11]) + Number(f[12])) * TICK_US };
  } catch {
    return null;
  }
}

/** user + system CPU (µs) of these processes so far; null where /proc cannot tell. */
export function cpuOfPids(pids: number[]): number | null {
  let sum = 0;
  for (const pid of pids) {
    const s = statOf(pid);
    if (!s) return null;
    sum += s.us;
  }
  return sum;
}

/** user + system CPU (µs) of every PostgreSQL process on this machine (server and backends); null off Linux. */
export function postgresCpu(): number | null {
  let names: string[];
  try {
    names = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return null;
  }
  let sum = 0;
  for (const n of names) {
    const s = statOf(n);
    if (s?.comm === 'postgres') sum += s.us;
  }
  return sum;
}

/** µs of CPU per request or event, by who spent it. */
export interface CpuShare {
  /** the server process (the app, or the floor) */
  server: number;
  /** every PostgreSQL process (backends that exited during the phase are not counted) */
  postgres: number;
  /** this process: the load generator */
  client: number;
}

/** Measures the CPU `run` costs the server process, PostgreSQL and this process, per `count(result)`. */
export async function cpuPer<T>(
  serverPid: number,
  run: () => Promise<T>,
  count: (r: T) => number,
): Promise<{ result: T; cpu: CpuShare | null }> {
  const [s0, p0, c0] = [cpuOfPids([serverPid]), postgresCpu(), process.cpuUsage()];
  const result = await run();
  const [s1, p1, c1] = [cpuOfPids([serverPid]), postgresCpu(), process.cpuUsage(c0)];
  const n = count(result);
  if (s0 === null || s1 === null || p0 === null || p1 === null || !n) return { result, cpu: null };
  return { result, cpu: { server: (s1 - s0) / n, postgres: (p1 - p0) / n, client: (c1.user + c1.system) / n } };
}
