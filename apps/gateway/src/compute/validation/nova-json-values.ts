import { isValidDescription } from './nova-formats';

/** How Python's jsonschema (draft 4) and Nova's extensions read JSON values. */

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** Nova's description pattern is built from Unicode tables (thousands of characters): named, not copied. */
export const DESCRIPTION_PATTERN = '^[<Nova printable characters>]*$';

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Draft 4's types: booleans are not numbers, and (JSON having no 5.0 once parsed) integral numbers are integers. */
export function isType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
  }
}

/** jsonschema counts characters, not UTF-16 units. */
export const codePoints = (text: string): number => [...text].length;

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Nova's minimum/maximum also read numbers written as strings (`int(x)`, else `float(x)`), and skip
 * what neither reads. Integers stay exact (BigInt) so a long digit string is printed as Nova prints it.
 */
export function numberFromString(value: unknown): number | bigint | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (/^[+-]?[0-9]+(_[0-9]+)*$/.test(trimmed)) return BigInt(trimmed.replaceAll('_', ''));
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(trimmed)) return Number(trimmed);
  return null;
}

const compiled = new Map<string, (text: string) => boolean>();

/**
 * Python's re.search. The one difference these patterns meet: Python's `$` also matches before a
 * final newline, JavaScript's only at the very end.
 */
export function matchesPattern(pattern: string, text: string): boolean {
  let test = compiled.get(pattern);
  if (!test) {
    if (pattern === DESCRIPTION_PATTERN) test = isValidDescription;
    else {
      const regex = new RegExp(pattern.endsWith('$') && !pattern.endsWith('\\$') ? `${pattern.slice(0, -1)}(?=\\n?$)` : pattern);
      test = (candidate) => regex.test(candidate);
    }
    compiled.set(pattern, test);
  }
  return test(text);
}
