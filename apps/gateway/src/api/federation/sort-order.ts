// How pods order list items, so a merge of their pages agrees with each page's own order.
//
// Nova and Cinder sort in SQL (oslo.db paginate_query: plain ORDER BY col ASC|DESC, no NULLS
// FIRST/LAST, their own id as the last key), and the usual database is MySQL/MariaDB, whose tables
// they create as utf8 with the server's default collation, utf8(mb3)_general_ci:
// - NULL is the smallest value: first ascending, last descending;
// - strings compare case- and accent-insensitively ('web' = 'WEB' = 'wéb'), by the upper-case form
//   ('dbz' < 'db_1', as 'Z' < '_'), trailing spaces ignored ('a ' = 'a', PAD SPACE).
// Values equal under the collation are a tie here as in SQL: the next sort key decides, then the
// pod's id. No byte-order tie-break: a pod lists 'Web' and 'web' in its own id order, and the merge
// needs an order every pod's page already follows. The merged page is deterministic all the same
// (ties across pods go to the lower pod index, within a pod to the pod's order).
//
// CAVEAT: a pod on PostgreSQL sorts differently (NULL last ascending; strings by the database's
// locale, e.g. en_US.UTF-8, where case only breaks ties). A list mixing such pods with MySQL ones
// cannot be merged into one consistent order; a source of PostgreSQL-only pods passes its own
// `compareValues`. The pod simulator imitates Nova on MySQL (apps/pod-simulator/src/http/mysql-order.ts).

export type SortDirection = 'asc' | 'desc';

export interface SortKey {
  readonly key: string;
  readonly dir: SortDirection;
}

/** Ascending order of one key's values; a source may supply its own (e.g. another collation). */
export type ValueComparator = (a: unknown, b: unknown, key: string) => number;

export const compareSortValues: ValueComparator = (a, b) => {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareGeneralCi(typeof a === 'string' ? a : String(a), typeof b === 'string' ? b : String(b));
};

const SPACE = 0x20;
const nonAsciiWeights = new Map<number, number>();

/**
 * MySQL's utf8_general_ci: one weight per character (its upper-case, accent-free form), the shorter
 * string padded with spaces. Exact for ASCII and Latin letters; other scripts by Unicode's simple
 * upper-casing, which is what the collation's tables hold for them.
 */
export function compareGeneralCi(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = i < a.length ? weightOf(a.charCodeAt(i)) : SPACE;
    const y = i < b.length ? weightOf(b.charCodeAt(i)) : SPACE;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function weightOf(code: number): number {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
  let weight = nonAsciiWeights.get(code);
  if (weight === undefined) {
    weight = nonAsciiWeight(code);
    nonAsciiWeights.set(code, weight); // bounded: UTF-16 code units
  }
  return weight;
}

function nonAsciiWeight(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return code; // utf8mb3 holds no characters beyond the BMP
  if (code === 0xdf) return 0x53; // 'ß' weighs as 'S' (one character, not upper-case 'SS')
  const base = String.fromCharCode(code).normalize('NFD').charCodeAt(0);
  const upper = String.fromCharCode(base).toUpperCase();
  return upper.length === 1 ? upper.charCodeAt(0) : base;
}

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
