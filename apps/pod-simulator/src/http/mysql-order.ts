// The order Nova's (and Cinder's) SQL gives list items on MySQL/MariaDB, whose tables they create as
// utf8 with the server's default collation, utf8(mb3)_general_ci: NULL below everything, numbers by
// value, strings case- and accent-insensitively by their upper-case form ('dbz' < 'db_1', as
// 'Z' < '_'), trailing spaces ignored. Values equal under the collation tie, and the next sort key
// decides, as in SQL. podgate's merged lists rely on pods ordering this way (its own copy of the rule
// is apps/gateway/src/api/federation/sort-order.ts; the simulator stays a separate, independent double).

const SPACE = 0x20;
const weights = new Map<number, number>();

function weightOf(code: number): number {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
  let weight = weights.get(code);
  if (weight === undefined) {
    if (code === 0xdf)
      weight = 0x53; // 'ß' weighs as one 'S'
    else {
      const base = String.fromCharCode(code).normalize('NFD').charCodeAt(0);
      const upper = String.fromCharCode(base).toUpperCase();
      weight = upper.length === 1 ? upper.charCodeAt(0) : base;
    }
    weights.set(code, weight);
  }
  return weight;
}

/** utf8_general_ci: one weight per character, the shorter string padded with spaces. */
export function compareMysqlStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = i < a.length ? weightOf(a.charCodeAt(i)) : SPACE;
    const y = i < b.length ? weightOf(b.charCodeAt(i)) : SPACE;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Ascending order of two column values, as `ORDER BY col ASC` on MySQL. */
export function compareMysqlValues(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareMysqlStrings(String(a), String(b));
}
