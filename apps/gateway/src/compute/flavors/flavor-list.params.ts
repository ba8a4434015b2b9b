import { FLAVOR_SORT_KEYS, type FlavorListOptions, type FlavorSortKey, type FlavorViewer } from '@podgate/flavors';
import { MAX_PAGE_SIZE } from '@podgate/kernel';
import { type ApiVersion, atLeast } from '../../api/microversion';
import { firstViolation, type JsonSchema } from '../validation/nova-json-schema';
import { pyRepr, pyStr } from '../validation/python-repr';
import { STRICT_VERSION } from './flavor.wire';
import { InvalidFlavorRequestError } from './flavor.requests';

/** Nova's index_query (schemas/flavors.py): each parameter may repeat, each value is checked. */
const QUERY: Readonly<Record<string, JsonSchema>> = {
  limit: { type: ['integer', 'string'], pattern: '^[0-9]*$', minimum: 0, minLength: 1 },
  marker: { type: 'string' },
  is_public: { type: 'string' },
  minRam: { type: 'string' },
  minDisk: { type: 'string' },
  sort_key: { type: 'string', enum: FLAVOR_SORT_KEYS },
  sort_dir: { type: 'string', enum: ['asc', 'desc'] },
};

export interface FlavorListRequest {
  readonly options: FlavorListOptions;
  /** What Nova compares the page length with to decide on a next link: min(limit, 1000). */
  readonly maxItems: number;
}

/**
 * The list query as Nova reads it: schema first (from 2.75 unknown parameters are refused, before
 * that ignored), then the last value of each parameter (webob's MultiDict), `is_public` for admins
 * only, minRam/minDisk as Python's int(), sort by flavorid ascending unless asked.
 */
export function parseFlavorListQuery(rawQuery: string, version: ApiVersion, viewer: FlavorViewer): FlavorListRequest {
  const params = new URLSearchParams(rawQuery);
  const names = [...new Set(params.keys())];
  if (atLeast(version, STRICT_VERSION)) {
    const extras = names.filter((key) => !Object.hasOwn(QUERY, key)).sort();
    if (extras.length > 0) {
      const listed = extras.map((key) => pyRepr(key)).join(', ');
      throw new InvalidFlavorRequestError(
        `Additional properties are not allowed (${listed} ${extras.length === 1 ? 'was' : 'were'} unexpected)`,
      );
    }
  }
  for (const key of names.filter((name) => Object.hasOwn(QUERY, name))) {
    for (const value of params.getAll(key)) {
      const violation = firstViolation(QUERY[key], value);
      if (violation) {
        throw new InvalidFlavorRequestError(
          `Invalid input for query parameters ${key}. Value: ${pyStr(value)}. ${violation.message(pyRepr)}`,
        );
      }
    }
  }
  const last = (key: string): string | undefined => params.getAll(key).at(-1);
  const limit = last('limit') === undefined ? MAX_PAGE_SIZE : Math.min(Number(last('limit')), MAX_PAGE_SIZE);
  const options: FlavorListOptions = {
    viewer,
    ...(viewer.isAdmin ? { isPublic: parseIsPublic(last('is_public')) } : {}),
    ...optionalInt('minRam', last('minRam')),
    ...optionalInt('minDisk', last('minDisk')),
    sortKey: (last('sort_key') || 'flavorid') as FlavorSortKey,
    sortDir: last('sort_dir') === 'desc' ? 'desc' : 'asc',
    limit,
    ...(last('marker') === undefined ? {} : { marker: last('marker') }),
  };
  return { options, maxItems: limit };
}

/** None (absent): public; "none": all; else oslo's strict bool_from_string. */
function parseIsPublic(value: string | undefined): boolean | null {
  if (value === undefined) return true;
  if (/^none$/i.test(value)) return null;
  const text = value.trim().toLowerCase();
  if (['1', 't', 'true', 'on', 'y', 'yes'].includes(text)) return true;
  if (['0', 'f', 'false', 'off', 'n', 'no'].includes(text)) return false;
  throw new InvalidFlavorRequestError(`Invalid is_public filter [${value}]`);
}

/** Python's int() of a query value: surrounding whitespace, a sign and digit underscores allowed. */
function optionalInt(name: 'minRam' | 'minDisk', value: string | undefined): Partial<FlavorListOptions> {
  if (value === undefined) return {};
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) throw new InvalidFlavorRequestError(`Invalid ${name} filter [${value}]`);
  return { [name]: Number(value.trim().replaceAll('_', '')) };
}
