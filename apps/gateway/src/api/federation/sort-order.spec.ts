import { compareGeneralCi, compareSortValues, sortValueOrder } from './sort-order';

const sign = (n: number): number => Math.sign(n);

describe('compareSortValues: Nova on MySQL (utf8_general_ci)', () => {
  it.each([
    ['web', 'WEB'],
    ['Web-1', 'wEB-1'],
    ['a ', 'a'],
    ['beta  ', 'BETA'],
    ['café', 'CAFE'],
    ['straße', 'STRASE'], // one 's', as utf8_general_ci weighs it (utf8_unicode_ci would say 'ss')
  ])('takes %j and %j for the same value (a tie: the next key decides)', (a, b) => {
    expect(compareSortValues(a, b, 'name')).toBe(0);
  });

  it.each([
    ['alpha', 'Beta'],
    ['Beta', 'gamma'],
    ['dbz', 'db_1'], // by upper case: 'Z' (0x5a) < '_' (0x5f), though 'z' > '_'
    ['a\t', 'a'], // the shorter one is padded with spaces, and a tab is below a space
    ['web-1', 'web-10'],
    ['web-10', 'web-2'],
    ['2024-05-01T00:00:00Z', '2024-05-01T00:00:01Z'],
  ])('orders %j before %j', (a, b) => {
    expect(sign(compareGeneralCi(a, b))).toBe(-1);
    expect(sign(compareGeneralCi(b, a))).toBe(1);
  });

  it('puts NULL first, numbers by value', () => {
    expect(compareSortValues(null, 'a', 'k')).toBe(-1);
    expect(compareSortValues('a', undefined, 'k')).toBe(1);
    expect(compareSortValues(null, undefined, 'k')).toBe(0);
    expect(compareSortValues(9, 10, 'k')).toBe(-1);
  });

  it('sorts a list as MySQL would, NULLs last when descending', () => {
    const names = ['web_1', null, 'Web', 'alpha', 'webz', 'ALPHA ', 'web'];
    const asc = sortValueOrder([{ key: 'name', dir: 'asc' }]);
    expect([...names].sort((a, b) => asc([a], [b]))).toEqual([null, 'alpha', 'ALPHA ', 'Web', 'web', 'webz', 'web_1']);
    const desc = sortValueOrder([{ key: 'name', dir: 'desc' }]);
    expect([...names].sort((a, b) => desc([a], [b]))).toEqual(['web_1', 'webz', 'Web', 'web', 'alpha', 'ALPHA ', null]);
  });
});
