import { atLeast, atMost, compareApiVersions, formatApiVersion, isWithin, parseApiVersion } from './api-version';
import { InvalidApiVersionStringError } from './microversion.errors';

describe('parseApiVersion, with Nova’s pattern ^([1-9]\\d*)\\.([1-9]\\d*|0)$', () => {
  it.each([
    ['2.1', 2, 1],
    ['2.0', 2, 0],
    ['2.10', 2, 10],
    ['2.93', 2, 93],
    ['3.0', 3, 0],
    ['1.0', 1, 0],
    ['10.20', 10, 20],
  ])('reads %s as %i.%i', (text, major, minor) => {
    expect(parseApiVersion(text)).toEqual({ major, minor });
  });

  it.each([
    ['2.01', 'leading zero in the minor'],
    ['02.1', 'leading zero in the major'],
    ['0.9', 'a major of 0'],
    ['2.00', 'a minor of 00'],
    ['2', 'no minor'],
    ['2.', 'an empty minor'],
    ['.1', 'an empty major'],
    ['2.1.1', 'three parts'],
    ['2.a', 'a letter'],
    ['a.2', 'a letter'],
    ['+2.5', 'a sign'],
    ['-2.5', 'a sign'],
    [' 2.5', 'whitespace (the header reader strips it, the parser does not)'],
    ['2.30 2.31', 'two versions'],
    ['latest', 'the keyword (handled before parsing)'],
    ['', 'nothing'],
    ['٢.٥', 'non-ASCII digits'],
  ])('refuses %j (%s) with Nova’s 400 message', (text) => {
    expect(() => parseApiVersion(text)).toThrow(InvalidApiVersionStringError);
    expect(() => parseApiVersion(text)).toThrow(
      `API Version String ${text} is of invalid format. Must be of format MajorNum.MinorNum.`,
    );
  });

  it('carries a stable code and the 400 kind', () => {
    const error = new InvalidApiVersionStringError('2.01');
    expect(error).toMatchObject({ code: 'API.INVALID_API_VERSION', kind: 'badRequest', requested: '2.01' });
  });

  it('keeps the order of numbers too big for a double', () => {
    expect(atLeast(parseApiVersion('2.99999999999999999999999'), '2.93')).toBe(true);
  });
});

describe('comparison, as tuples (major, minor)', () => {
  it.each([
    ['2.10', '2.9', 1],
    ['2.9', '2.10', -1],
    ['2.69', '2.69', 0],
    ['3.0', '2.99', 1],
    ['2.1', '3.0', -1],
  ])('compares %s with %s as %i', (a, b, sign) => {
    expect(compareApiVersions(a, b)).toBe(sign);
  });

  it.each([
    [{ major: 2, minor: 69 }, '2.69', true],
    [{ major: 2, minor: 70 }, '2.69', true],
    [{ major: 2, minor: 68 }, '2.69', false],
    [{ major: 3, minor: 0 }, '2.69', true],
  ])('atLeast(%j, %s) is %s', (version, minimum, expected) => {
    expect(atLeast(version, minimum)).toBe(expected);
  });

  it('atMost and isWithin include both bounds', () => {
    const range = { min: { major: 2, minor: 1 }, max: { major: 2, minor: 79 } };
    expect(atMost('2.79', '2.79')).toBe(true);
    expect(atMost('2.80', '2.79')).toBe(false);
    expect(['2.0', '2.1', '2.79', '2.80'].map((v) => isWithin(v, range))).toEqual([false, true, true, false]);
  });

  it('treats a malformed literal in code as a bug, not as the client’s 400', () => {
    expect(() => atLeast('2.1', '2.069')).toThrow(RangeError);
  });

  it('formats as X.Y without padding', () => {
    expect(formatApiVersion({ major: 2, minor: 5 })).toBe('2.5');
  });
});
