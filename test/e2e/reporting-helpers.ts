// Helpers for the reporting suites: request a report, wait for a worker to finish it, download it.
import request from 'supertest';
import type { TestApp } from '../support/app.js';

export const REPORTS = '/api/v1/reports';

export async function requestReport(t: TestApp, key: string, body: unknown) {
  return request(t.http)
    .post(REPORTS)
    .set('Authorization', `Bearer ${key}`)
    .send(body as object);
}

/** Polls the report until it reaches `status` (or any final status), within `ms`. */
export async function waitForReport(t: TestApp, key: string, id: string, status: 'completed' | 'failed' = 'completed', ms = 20_000) {
  const deadline = Date.now() + ms;
  let last: any;
  while (Date.now() < deadline) {
    const res = await request(t.http).get(`${REPORTS}/${id}`).set('Authorization', `Bearer ${key}`);
    last = res.body;
    if (res.status === 200 && (res.body.status === status || res.body.status === 'completed' || res.body.status === 'failed')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (last?.status !== status) throw new Error(`report ${id} is ${last?.status} (wanted ${status}): ${JSON.stringify(last)}`);
  return last;
}

/** Downloads as a Buffer whatever the content type. */
export function download(t: TestApp, key: string, id: string, format?: string) {
  return request(t.http)
    .get(`${REPORTS}/${id}/download${format ? `?format=${format}` : ''}`)
    .set('Authorization', `Bearer ${key}`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}

export async function until<T>(fn: () => Promise<T | undefined | null | false>, ms = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
