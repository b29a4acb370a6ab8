// One webhook POST: resolve the host, check every address (ssrf.ts), connect to the checked one,
// and wait at most WEBHOOK_TIMEOUT_MS for the answer. Redirects are not followed (a 3xx is a
// failure): following one would reach a URL nobody checked.
import http from 'node:http';
import https from 'node:https';
import { bareHost, checkedAddresses, RefusedAddressError, type Resolver, type UrlPolicy } from './ssrf.js';

type AttemptOutcome = 'delivered' | 'http_error' | 'timeout' | 'network' | 'refused';

export interface AttemptResult {
  outcome: AttemptOutcome;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The part of an answer's body kept for the attempt record. */
const ERROR_BODY_MAX = 300;

export class WebhookClient {
  constructor(
    private readonly policy: UrlPolicy,
    private readonly timeoutMs: number,
    private readonly resolve: Resolver,
  ) {}

  async post(req: WebhookRequest): Promise<AttemptResult> {
    const started = performance.now();
    const done = (outcome: AttemptOutcome, statusCode: number | null, error: string | null): AttemptResult => ({
      outcome,
      statusCode,
      durationMs: Math.round(performance.now() - started),
      error,
    });
    const url = new URL(req.url);
    if (url.protocol !== 'https:' && !(this.policy.allowHttp && url.protocol === 'http:')) {
      return done('refused', null, `the scheme ${url.protocol} is not allowed`);
    }
    let address: { address: string; family: number };
    try {
      [address] = await checkedAddresses(bareHost(url), this.policy, this.resolve);
    } catch (err) {
      return err instanceof RefusedAddressError ? done('refused', null, err.message) : done('network', null, (err as Error).message);
    }
    return new Promise<AttemptResult>((resolve) => {
      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request(
        url,
        {
          method: 'POST',
          headers: { ...req.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(req.body)) },
          // The socket goes to the address just checked: no second resolution a rebinding DNS could answer.
          lookup: (_host, opts, cb) =>
            opts.all
              ? (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [address])
              : cb(null, address.address, address.family),
          timeout: this.timeoutMs,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            if (size < ERROR_BODY_MAX) chunks.push(c);
            size += c.length;
          });
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(done('delivered', status, null));
            const text = Buffer.concat(chunks).toString('utf8').slice(0, ERROR_BODY_MAX);
            resolve(done('http_error', status, `answered ${status}${text ? `: ${text}` : ''}`));
          });
          res.on('error', (err) => resolve(done('network', res.statusCode ?? null, err.message)));
        },
      );
      const deadline = setTimeout(() => request.destroy(new Error('timeout')), this.timeoutMs);
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (err) => {
        clearTimeout(deadline);
        resolve(
          err.message === 'timeout'
            ? done('timeout', null, `no answer within ${this.timeoutMs} ms`)
            : done('network', null, (err as NodeJS.ErrnoException).code ?? err.message),
        );
      });
      request.on('close', () => clearTimeout(deadline));
      request.end(req.body);
    });
  }
}
