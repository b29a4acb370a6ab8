// One function decides which report failures are retried; these pin its answers.
import { createServer } from 'node:net';
import { UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig } from '../config/config.js';
import { EventStoreInputError } from '../event-store/errors.js';
import { PartnershipNotFoundError, ValidationError } from '../partnerships/domain/index.js';
import { EnqueueTimeoutError } from '../shared/timeout.js';
import { classifyError, errorMessage, NotReadyError, PermanentReportError } from './errors.js';
import { attemptsFor, JITTER, nominalDelay, retryDelay, spanOf } from './retry.js';

function pgError(code: string, message = 'boom'): pg.DatabaseError {
  const e = new pg.DatabaseError(message, message.length, 'error');
  e.code = code;
  e.severity = 'ERROR';
  return e;
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('classifyError', () => {
  it.each([
    ['08006', 'connection failure'],
    ['08001', 'cannot connect'],
    ['53300', 'too many connections'],
    ['53200', 'out of memory'],
    ['57P01', 'admin shutdown'],
    ['57P02', 'crash shutdown'],
    ['57P03', 'cannot connect now'],
    ['57014', 'statement timeout'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['55P03', 'lock not available'],
  ])('PostgreSQL %s (%s) is temporary', (code) => {
    expect(classifyError(pgError(code)).kind).toBe('transient');
  });

  it('tells the connection exhaustion apart in its reason', () => {
    expect(classifyError(pgError('53300'))).toEqual({ kind: 'transient', reason: 'the database has no free connections' });
  });

  it('a data exception in the parameters is permanent; an unknown SQLSTATE is unexpected', () => {
    expect(classifyError(pgError('22007', 'invalid datetime format')).kind).toBe('permanent');
    expect(classifyError(pgError('42P01', 'relation "x" does not exist')).kind).toBe('unexpected');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN'])('socket error %s is temporary', (code) => {
    const e = Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
    expect(classifyError(e).kind).toBe('transient');
  });

  it('a real refused PostgreSQL connection is temporary', async () => {
    const port = await closedPort();
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/x` });
    const err = await client.connect().then(
      () => null,
      (e) => e,
    );
    expect(err).toBeTruthy();
    expect(classifyError(err).kind).toBe('transient');
  });

  it('a multi-address connect failure (AggregateError) is classified by what it wraps', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    const agg = new AggregateError([inner], '');
    expect(classifyError(agg).kind).toBe('transient');
    expect(errorMessage(agg)).toBe('connect ECONNREFUSED ::1:5432');
  });

  it('node-postgres losing its connection is temporary', () => {
    expect(classifyError(new Error('Connection terminated unexpectedly')).kind).toBe('transient');
    expect(classifyError(new Error('timeout exceeded when trying to connect')).kind).toBe('transient');
    expect(classifyError(new Error('Client has encountered a connection error and is not queryable')).kind).toBe('transient');
  });

  it('real ioredis errors against a Redis that is not there are temporary', async () => {
    const port = await closedPort();
    const noQueue = new Redis({ port, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
    noQueue.on('error', () => undefined);
    const e1 = await noQueue.get('k').then(
      () => null,
      (e) => e,
    );
    noQueue.disconnect();
    expect(e1).toBeTruthy();
    expect(classifyError(e1).kind).toBe('transient');

    const retries = new Redis({ port, maxRetriesPerRequest: 0, retryStrategy: (n) => (n > 1 ? null : 10) });
    retries.on('error', () => undefined);
    const e2 = await retries.get('k').then(
      () => null,
      (e) => e,
    );
    retries.disconnect();
    expect(e2).toBeTruthy();
    expect(classifyError(e2).kind).toBe('transient');
  });

  it('Redis replies that mean "not now" are temporary', () => {
    expect(classifyError(new Error('LOADING Redis is loading the dataset in memory')).kind).toBe('transient');
    expect(classifyError(new Error("READONLY You can't write against a read only replica.")).kind).toBe('transient');
  });

  it('BullMQ lock and key errors are temporary', () => {
    expect(classifyError(new Error('Missing lock for job report-1. moveToFinished')).kind).toBe('transient');
    expect(classifyError(new Error('Lock mismatch for job report-1. Cmd moveToFinished from active')).kind).toBe('transient');
    expect(classifyError(new Error('Missing key for job report-1. moveToFinished')).kind).toBe('transient');
    expect(classifyError(new Error('could not renew lock for job report-1')).kind).toBe('transient');
  });

  it('our own temporary conditions are temporary', () => {
    expect(classifyError(new NotReadyError('projection behind')).kind).toBe('transient');
    expect(classifyError(new EnqueueTimeoutError('no answer')).kind).toBe('transient');
  });

  it('a request that cannot be produced is permanent, with a reason', () => {
    expect(classifyError(new PartnershipNotFoundError('ghost-town'))).toEqual({
      kind: 'permanent',
      reason: 'the partnership does not exist',
    });
    expect(classifyError(new ValidationError([{ field: 'from', reason: 'bad' }])).kind).toBe('permanent');
    expect(classifyError(new EventStoreInputError('streamId', 'must be a non-empty string')).kind).toBe('permanent');
    expect(classifyError(new PermanentReportError('no builder')).kind).toBe('permanent');
    expect(classifyError(new UnrecoverableError('no report id')).kind).toBe('permanent');
  });

  it('follows causes, and anything else is unexpected', () => {
    expect(classifyError(new Error('wrapped', { cause: pgError('57P01') })).kind).toBe('transient');
    expect(classifyError(new TypeError("Cannot read properties of undefined (reading 'x')")).kind).toBe('unexpected');
    expect(classifyError('a string').kind).toBe('unexpected');
    expect(classifyError(null).kind).toBe('unexpected');
    // A domain code of five capitals is not a SQLSTATE.
    expect(classifyError(Object.assign(new Error('x'), { code: 'ABCDE' })).kind).toBe('unexpected');
  });
});

describe('retry schedule', () => {
  const defaults = loadConfig({});

  it('covers at least REPORT_RETRY_FOR_MS (30 minutes by default) even with every delay at its shortest', () => {
    expect(defaults.REPORT_RETRY_FOR_MS).toBe(30 * 60_000);
    const attempts = attemptsFor(defaults);
    expect(spanOf(attempts, defaults) * (1 - JITTER)).toBeGreaterThanOrEqual(defaults.REPORT_RETRY_FOR_MS);
    // and not far beyond it: one retry fewer would fall short
    expect(spanOf(attempts - 1, defaults) * (1 - JITTER)).toBeLessThan(defaults.REPORT_RETRY_FOR_MS);
  });

  it('doubles from REPORT_BACKOFF_MS up to REPORT_BACKOFF_MAX_MS', () => {
    expect([1, 2, 3, 4].map((n) => nominalDelay(n, defaults))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(nominalDelay(30, defaults)).toBe(defaults.REPORT_BACKOFF_MAX_MS);
    expect(nominalDelay(10_000, defaults)).toBe(defaults.REPORT_BACKOFF_MAX_MS);
  });

  it('jitter only shortens, by at most JITTER', () => {
    expect(retryDelay(3, defaults, () => 0)).toBe(20_000);
    expect(retryDelay(3, defaults, () => 1)).toBe(16_000);
    expect(retryDelay(30, defaults, () => 0.999)).toBeLessThanOrEqual(defaults.REPORT_BACKOFF_MAX_MS);
  });

  it('refuses a cap below the first delay', () => {
    expect(() => loadConfig({ REPORT_BACKOFF_MS: '2000', REPORT_BACKOFF_MAX_MS: '1000' })).toThrow(/REPORT_BACKOFF_MAX_MS/);
  });
});
