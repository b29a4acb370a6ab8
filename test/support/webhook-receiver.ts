// A webhook receiver in-process on loopback that checks every delivery with the Standard Webhooks
// reference library (standardwebhooks), against each secret it was given. Each path has a mode:
// answer 204, fail with 500, or never answer (a time-out).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';

export type Mode = 'ok' | 'fail' | 'timeout';

export interface Received {
  path: string;
  id: string;
  signature: string;
  body: {
    type: string;
    timestamp: string;
    data: { globalPosition: number; streamId: string; type: string; data: Record<string, unknown> };
  };
  /** the secrets (by index in `secrets`) whose signature verified */
  verifiedWith: number[];
  answered: number | null;
}

export interface Receiver {
  url: string;
  received: Received[];
  modes: Record<string, Mode>;
  secrets: string[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const r: Receiver = { url: '', received: [], modes: {}, secrets: [], close: () => Promise.resolve() };
  const verify = (raw: string, headers: IncomingHttpHeaders) =>
    r.secrets.flatMap((secret, i) => {
      try {
        new Webhook(secret).verify(raw, headers as Record<string, string>);
        return [i];
      } catch {
        return [];
      }
    });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const mode = r.modes[req.url ?? '/'] ?? 'ok';
      const entry: Received = {
        path: req.url ?? '/',
        id: String(req.headers['webhook-id']),
        signature: String(req.headers['webhook-signature']),
        body: JSON.parse(raw),
        verifiedWith: verify(raw, req.headers),
        answered: null,
      };
      r.received.push(entry);
      if (mode === 'timeout') return; // hold the request until the sender gives up
      entry.answered = mode === 'fail' ? 500 : entry.verifiedWith.length ? 204 : 401;
      res.writeHead(entry.answered).end(mode === 'fail' ? 'receiver down' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  r.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}
