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

  constructor(
    private readonly targetPort: number,
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

  private link(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
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
