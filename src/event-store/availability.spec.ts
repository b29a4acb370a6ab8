import { databaseUnavailability } from './availability.js';

const pgError = (code: string, severity = 'ERROR', message = 'x') => Object.assign(new Error(message), { code, severity });

describe('databaseUnavailability', () => {
  it.each([
    ['pg-pool gave up waiting for a free client', new Error('timeout exceeded when trying to connect'), 'pool_exhausted', false],
    ['a new connection took too long', new Error('Connection terminated due to connection timeout'), 'unreachable', false],
    ['nobody listens', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'unreachable', false],
    ['too many connections (server or role)', pgError('53300', 'FATAL'), 'connections_exhausted', false],
    ['statement_timeout', pgError('57014'), 'statement_timeout', false],
    ['lock_timeout', pgError('55P03'), 'lock_timeout', false],
    ['pg_terminate_backend', pgError('57P01', 'FATAL'), 'connection_lost', true],
    ['the socket closed mid-query', new Error('Connection terminated unexpectedly'), 'connection_lost', true],
    [
      'a client that already broke refuses to send',
      new Error('Client has encountered a connection error and is not queryable'),
      'connection_lost',
      false,
    ],
    ['the pool was ended (shutdown)', new Error('Cannot use a pool after calling end on the pool'), 'shutting_down', false],
  ])('%s → %s', (_what, err, reason, inFlight) => {
    expect(databaseUnavailability(err)).toMatchObject({ reason, inFlight, retryAfterSeconds: expect.any(Number) });
  });

  it('looks through TypeORM driverError, Error.cause and AggregateError', () => {
    const driver = Object.assign(new Error('QueryFailedError'), { driverError: pgError('57014') });
    expect(databaseUnavailability(driver)?.reason).toBe('statement_timeout');
    expect(databaseUnavailability(new Error('wrapped', { cause: new Error('timeout exceeded when trying to connect') }))?.reason).toBe(
      'pool_exhausted',
    );
    const refused = Object.assign(new Error(''), { code: 'ECONNREFUSED' });
    expect(databaseUnavailability(new AggregateError([refused], ''))?.reason).toBe('unreachable');
  });

  it('leaves statement faults and other errors alone', () => {
    expect(databaseUnavailability(pgError('23505'))).toBeNull(); // unique violation
    expect(databaseUnavailability(pgError('22P02'))).toBeNull(); // invalid input
    expect(databaseUnavailability(new TypeError('x is undefined'))).toBeNull();
    expect(databaseUnavailability(Object.assign(new Error('x'), { code: '57014' }))).toBeNull(); // no severity: not from PostgreSQL
    expect(databaseUnavailability(undefined)).toBeNull();
  });
});
