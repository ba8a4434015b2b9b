import { paginate, parsePage, parseSort, sortItems } from './pagination';

const items = Array.from({ length: 25 }, (_v, i) => ({ id: `id-${String(i).padStart(2, '0')}`, group: i % 3 }));
const notFound = (m: string) => new Error(`marker ${m}`);

describe('pagination helpers', () => {
  it('walks every item exactly once with limit/marker, in a total order', () => {
    const sorted = sortItems(items, [{ key: 'group', dir: 'asc' }], (item, key) => (key === 'group' ? item.group : null));
    const seen: string[] = [];
    let marker: string | undefined;
    for (;;) {
      const page = paginate(sorted, { limit: 4, marker }, notFound);
      seen.push(...page.items.map((i) => i.id));
      if (!page.full) break;
      marker = page.items[page.items.length - 1]?.id;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual(sorted.map((i) => i.id));
  });

  it('caps limit at the maximum and validates it like Nova', () => {
    expect(parsePage({ limit: '5000' }, 1000).limit).toBe(1000);
    expect(() => parsePage({ limit: 'abc' }, 1000)).toThrow('limit param must be an integer');
    expect(() => parsePage({ limit: '-1' }, 1000)).toThrow('limit param must be positive');
  });

  it('rejects an unknown marker and unknown sort keys', () => {
    expect(() => paginate(items, { limit: 5, marker: 'nope' }, notFound)).toThrow('marker nope');
    expect(() => parseSort({ sort_key: 'password' }, ['name'], [])).toThrow('sort_key');
  });

  it('pairs sort keys with directions, defaulting to the first direction', () => {
    expect(parseSort({ sort_key: ['a', 'b'], sort_dir: 'asc' }, ['a', 'b'], [])).toEqual([
      { key: 'a', dir: 'asc' },
      { key: 'b', dir: 'asc' },
    ]);
  });
});
