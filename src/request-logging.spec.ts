// What a request's log lines carry: its request and correlation ids, never the key or a feed token.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from './request-logging.js';

/** One request through pino-http with the service's options on a real server; the lines it logged. */
async function serve(level: string, url: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const middleware = pinoHttp(requestLogOptions(level), sink);
  const server = createServer((req, res) => {
    // As requestContextMiddleware does before pino-http runs.
    Object.assign(req as IncomingMessage & { id?: string; correlationId?: string }, { id: 'req-1', correlationId: 'corr-1' });
    middleware(req, res, () => {
      req.log.warn('inside the request');
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { authorization: 'Bearer pl_secret' } });
    await res.text();
    await new Promise((r) => setTimeout(r, 50)); // the line of a finished response is written after it
  } finally {
    await new Promise((r) => server.close(r));
  }
  return lines;
}

it('logs each request with its request and correlation ids and the secrets redacted', async () => {
  const lines = await serve('info', '/api/v1/calendar.ics?token=plf_secret');
  expect(lines).toHaveLength(2);
  for (const line of lines) {
    expect(line.req).toMatchObject({
      id: 'req-1',
      correlationId: 'corr-1',
      url: '/api/v1/calendar.ics?token=[redacted]',
      headers: { authorization: '[Redacted]' },
    });
  }
  expect(lines[0].msg).toBe('inside the request');
  expect(lines[1]).toMatchObject({ msg: 'request completed', res: { statusCode: 200 } });
  expect(JSON.stringify(lines)).not.toMatch(/pl_secret|plf_secret/);
});

it('writes only what the level lets through, still with the ids', async () => {
  const lines = await serve('warn', '/api/v1/keys');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ msg: 'inside the request', req: { id: 'req-1', correlationId: 'corr-1' } });
});
