import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@podgate/kernel';
import { z } from 'zod';

/**
 * The query-string and body building blocks every admin resource shares. Query values arrive as
 * strings; each block checks the wire form and turns it into what the slices take.
 */

/** `limit`: 1..1000, default 100, as Nova's paginated lists. */
export const limitParam = z
  .string()
  .regex(/^[0-9]+$/)
  .max(15) // beyond this, Number() would not be exact: refused as too long rather than misread
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
  .optional()
  .transform((limit) => limit ?? DEFAULT_PAGE_SIZE)
  .meta({ description: `Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` });

/** `marker` of collections keyed by a UUID: the last id of the previous page. */
export const uuidMarkerParam = z.uuid().optional().meta({ description: 'The last id of the previous page.' });

/**
 * Whether the instant falls in the years 0001-9999 in UTC, the ones PostgreSQL reads back from
 * toISOString: it has no year 0 (SQLSTATE 22008) and JavaScript writes years past 9999 as
 * `+010000-...`. UTC, not the written offset: `0001-01-01T00:00:00+01:00` is in year 0.
 */
function inStorableYears(text: string): boolean {
  const year = new Date(text).getUTCFullYear();
  return Number.isNaN(year) || (year >= 1 && year <= 9999); // unreadable text is the format check's to refuse
}

/** An ISO-8601 instant with a zone (`2025-01-31T12:00:00Z`, `...+01:00`): an instant, never a local time. */
export const instantParam = z.iso
  .datetime({ offset: true })
  .refine(inStorableYears, {
    error: (issue) => `Value: ${String(issue.input)}. '${String(issue.input)}' is not a 'date-time' in the years 0001-9999 (UTC)`,
  })
  .meta({ description: 'ISO-8601 instant in the years 0001-9999 (UTC), e.g. 2025-01-31T12:00:00Z.' });

const TRUE_WORDS = ['true', '1', 'yes'];

/** Booleans in query strings, as oslo's bool_from_string reads them. */
export const booleanParam = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((word) => TRUE_WORDS.includes(word));

/** A free-text filter (name, az, ids that are not UUIDs). */
export const textParam = z.string().min(1).max(255);

/** A name or tag in a body: non-empty, at most 255 characters (Nova's name limit). */
export const nameField = z.string().trim().min(1).max(255);

/** A UUID filter: anything else could never match and would make PostgreSQL refuse the query. */
export const uuidParam = z.uuid();
