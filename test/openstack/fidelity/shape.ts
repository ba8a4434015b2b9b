/**
 * The shape of a JSON value: its keys and value types, not its values. Two clouds answering the
 * same request should give the same shape even though ids, names and times differ.
 */
export type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | { readonly array: Shape | undefined }
  | { readonly object: Readonly<Record<string, Shape>> };

export function shapeOf(value: unknown): Shape {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return { array: value.reduce<Shape | undefined>((merged, item) => mergeShapes(merged, shapeOf(item)), undefined) };
  if (typeof value === 'object') {
    return { object: Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v)])) };
  }
  if (typeof value === 'number') return 'number';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

/** Array items are merged, so a list is described by the union of its items' keys. */
function mergeShapes(a: Shape | undefined, b: Shape): Shape {
  if (a === undefined) return b;
  if (typeof a === 'object' && typeof b === 'object' && 'object' in a && 'object' in b) {
    const keys = new Set([...Object.keys(a.object), ...Object.keys(b.object)]);
    return {
      object: Object.fromEntries(
        [...keys].map((k) => [
          k,
          a.object[k] && b.object[k] ? mergeShapes(a.object[k], b.object[k]) : (a.object[k] ?? b.object[k]),
        ]),
      ),
    };
  }
  return a;
}

export interface ShapeRules {
  /** JSON paths whose keys are data (metadata, addresses, extra_specs): only compared as objects. */
  readonly maps: readonly RegExp[];
  /** JSON paths where either side may hold null instead of a value (optional in the API reference). */
  readonly nullable: readonly RegExp[];
}

/** Every place where `actual` (the simulator) differs in shape from `expected` (a real pod). */
export function shapeDifferences(expected: Shape, actual: Shape, rules: ShapeRules, path = '$'): string[] {
  if (rules.maps.some((r) => r.test(path)))
    return isObject(expected) === isObject(actual) ? [] : [`${path}: ${describe(actual)} instead of ${describe(expected)}`];
  if ((expected === 'null' || actual === 'null') && rules.nullable.some((r) => r.test(path))) return [];
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected.object), ...Object.keys(actual.object)]);
    return [...keys].sort().flatMap((key) => {
      const at = `${path}.${key}`;
      if (!(key in actual.object)) return [`${at}: missing`];
      if (!(key in expected.object)) return [`${at}: not in the real answer`];
      return shapeDifferences(expected.object[key], actual.object[key], rules, at);
    });
  }
  if (isArray(expected) && isArray(actual)) {
    if (!expected.array || !actual.array) return [];
    return shapeDifferences(expected.array, actual.array, rules, `${path}[]`);
  }
  return describe(expected) === describe(actual) ? [] : [`${path}: ${describe(actual)} instead of ${describe(expected)}`];
}

const isObject = (s: Shape): s is { object: Record<string, Shape> } => typeof s === 'object' && 'object' in s;
const isArray = (s: Shape): s is { array: Shape | undefined } => typeof s === 'object' && 'array' in s;
const describe = (s: Shape): string => (typeof s === 'string' ? s : isArray(s) ? 'array' : 'object');
