import { databaseErrorSummary, isDatabaseUnavailable } from './sql-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    withCode('ECONNREFUSED'),
    withCode('08006'),
    withCode('57P01'),
    withCode('53300'),
    new Error('timeout exceeded when trying to connect'),
    new Error('Connection terminated unexpectedly'),
    new Error('Cannot use a pool after calling end on the pool'),
    new Error('Client has encountered a connection error and is not queryable'),
    new Error('Client was closed and is not queryable'),
    new Error('PGlite is closed'),
    { code: 'ECONNRESET', message: 'from another realm' },
  ])('says a database that cannot answer is unavailable: %p', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([withCode('23505'), withCode('42P01'), new Error('syntax error'), 'text', undefined])(
    'leaves errors in what we asked alone: %p',
    (error) => {
      expect(isDatabaseUnavailable(error)).toBe(false);
    },
  );
});

describe('databaseErrorSummary', () => {
  it('names the code and the first line of the message, and nothing else the driver attached', () => {
    const error = Object.assign(new Error('relation "rm_pods" does not exist\nLINE 1: SELECT'), {
      code: '42P01',
      params: ['secret-param'],
      query: 'SELECT * FROM rm_pods WHERE token = $1',
    });
    expect(databaseErrorSummary(error)).toBe('42P01: relation "rm_pods" does not exist');
    expect(databaseErrorSummary(new Error('PGlite is closed'))).toBe('PGlite is closed');
    expect(databaseErrorSummary(new Error('x'.repeat(500)))).toHaveLength(201);
    expect(databaseErrorSummary('text')).toBe('text');
  });
});
