// Progress of long command-line work (rebuilds, verification): a bar on a terminal, plain lines
// otherwise (CI logs, files, pipes), written to stderr so the command's real output stays clean.
import cliProgress from 'cli-progress';

export interface Progress {
  /** `rate` per second when the caller measures it better (e.g. from a start before the first update) */
  update(done: number, total: number, rate?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** what is counted, e.g. "events" */
  unit: string;
  stream?: NodeJS.WriteStream;
  /** a plain line at most this often (ms); always one at the end */
  lineEveryMs?: number;
}

export function progress(title: string, options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  return stream.isTTY ? barProgress(title, options.unit, stream) : lineProgress(title, options.unit, stream, options.lineEveryMs ?? 5000);
}

function barProgress(title: string, unit: string, stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${title} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(done, total, measured) {
      const rate = measured ?? Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
      if (!running) bar.start(total, done, { rate });
      else {
        bar.setTotal(total);
        bar.update(done, { rate });
      }
      running = true;
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

function lineProgress(title: string, unit: string, stream: NodeJS.WriteStream, everyMs: number): Progress {
  let last = 0;
  let latest: [number, number] | null = null;
  let written: [number, number] | null = null;
  const started = Date.now();
  let measured: number | undefined;
  const write = ([done, total]: [number, number]) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const rate = measured ?? Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
    stream.write(`${title}: ${done}/${total} ${unit} (${pct}%, ${rate}/s)\n`);
    written = [done, total];
    last = Date.now();
  };
  return {
    update(done, total, rate) {
      latest = [done, total];
      measured = rate;
      if (Date.now() - last >= everyMs) write(latest);
    },
    stop() {
      if (latest && (written?.[0] !== latest[0] || written?.[1] !== latest[1])) write(latest);
    },
  };
}
