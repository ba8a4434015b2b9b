// How pods order list items, so a merge of their pages agrees with each page's own order.
// Nova sorts in SQL (oslo.db paginate_query: plain ORDER BY col ASC|DESC, no NULLS FIRST/LAST), and
// on MySQL, the usual database, NULL is the smallest value: first ascending, last descending.
// The pod simulator does the same. Strings compare by code unit (a binary collation).

export type SortDirection = 'asc' | 'desc';

export interface SortKey {
  readonly key: string;
  readonly dir: SortDirection;
}

/** Ascending order of one key's values; a source may supply its own (e.g. a case-insensitive collation). */
export type ValueComparator = (a: unknown, b: unknown, key: string) => number;

export const compareSortValues: ValueComparator = (a, b) => {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const left = typeof a === 'string' ? a : String(a);
  const right = typeof b === 'string' ? b : String(b);
  return left < right ? -1 : left > right ? 1 : 0;
};

/** Orders two items' sort values (in key order) by the request's keys and directions; 0 = a tie. */
export function sortValueOrder(
  sortKeys: readonly SortKey[],
  compare: ValueComparator = compareSortValues,
): (a: readonly unknown[], b: readonly unknown[]) => number {
  return (a, b) => {
    for (let i = 0; i < sortKeys.length; i += 1) {
      const order = compare(a[i], b[i], sortKeys[i].key);
      if (order !== 0) return sortKeys[i].dir === 'desc' ? -order : order;
    }
    return 0;
  };
}
