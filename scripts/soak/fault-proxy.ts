// The one fault proxy of the tests (test/integration/command-outcome-unknown.spec.ts) and the soak
// (one per service process). It lives here because the build compiles scripts/, not test/.
import net from 'node:net';

/** What a sprung trap does to its connection from then on. */
export type TrapMode = 'swallow-reply' | 'swallow-request';

export interface Trapped {
  /** Ends the connection on both sides, as a broken network would. */
  cut(): void;
}

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  mode: TrapMode | null;
}

/**
 * A loopback TCP proxy in front of PostgreSQL that can lose one statement's reply (the server ran
 * it, the client never hears) or the statement itself, on the first connection that sends a given
 * marker — the "connection died after COMMIT" fault, on demand, without touching the shared server.
 * Like TcpProxy it can also refuse and cut everything (stop) and come back (start on the same port).
 */
export class FaultProxy {
  private server: net.Server | null = null;
  private readonly links = new Set<Link>();
  private trap: { marker: Buffer; mode: TrapMode; sprung: (t: Trapped) => void } | null = null;
  port = 0;

  /** `targetPort` may be a function: the soak makes its proxies before its PostgreSQL has a port. */
  constructor(
    private readonly targetPort: number | (() => number),
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(port = this.port): Promise<number> {
    this.server = net.createServer((client) => this.link(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** Refuses new connections and cuts the open ones. */
  async stop(): Promise<void> {
    for (const l of this.links) this.destroy(l);
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves when a client sends `marker`; from that byte on, its connection is treated as `mode` says. */
  arm(marker: string, mode: TrapMode): Promise<Trapped> {
    return new Promise((resolve) => {
      this.trap = { marker: Buffer.from(marker), mode, sprung: resolve };
    });
  }

  /**
   * The soak's "dropped after COMMIT": the first connection that sends `marker` has the reply
   * swallowed and is cut shortly after. True when that happened within `ms`, false (disarmed) if not.
   */
  drop(marker: string, ms: number): Promise<boolean> {
    const trapped = this.arm(marker, 'swallow-reply');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.trap = null;
        resolve(false);
      }, ms);
      void trapped.then((t) => {
        clearTimeout(timer);
        // Long enough for the server to finish the statement it was sent, then the cut.
        setTimeout(() => {
          t.cut();
          resolve(true);
        }, 300);
      });
    });
  }

  private link(client: net.Socket): void {
    const upstream = net.connect(typeof this.targetPort === 'number' ? this.targetPort : this.targetPort(), this.targetHost);
    const l: Link = { client, upstream, mode: null };
    this.links.add(l);
    for (const s of [client, upstream]) {
      s.on('error', () => this.destroy(l));
      s.on('close', () => this.destroy(l));
    }
    client.on('data', (chunk: Buffer) => {
      const trap = this.trap;
      if (trap && !l.mode && chunk.includes(trap.marker)) {
        this.trap = null;
        l.mode = trap.mode;
        trap.sprung({ cut: () => this.destroy(l) });
      }
      if (l.mode === 'swallow-request') return;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (l.mode === 'swallow-reply') return;
      client.write(chunk);
    });
  }

  private destroy(l: Link): void {
    this.links.delete(l);
    l.client.destroy();
    l.upstream.destroy();
  }
}
