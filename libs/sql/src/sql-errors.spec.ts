import { isDatabaseUnavailable } from './sql-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    withCode('ECONNREFUSED'),
    withCode('08006'),
    withCode('57P01'),
    withCode('53300'),
    new Error('timeout exceeded when trying to connect'),
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
