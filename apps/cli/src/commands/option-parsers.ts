import { InvalidArgumentError } from 'commander';

// Commander argument parsers: a bad value stops the command before any request, with
// commander's "option '--x <v>' argument 'y' is invalid." and the reason below.

export function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a whole number >= 1.');
  return parsed;
}

/** A fraction of a pod's capacity, above 0 and at most 1. */
export function parseFraction(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0 || parsed > 1) {
    throw new InvalidArgumentError('expected a number above 0 and at most 1, e.g. 0.9.');
  }
  return parsed;
}

/** How time options describe themselves in `--help`. */
export const ISO_TIME_HELP = 'ISO-8601; without an offset, UTC';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|([+-])(\d{2}):?(\d{2}))?)?$/;
const MINUTE_MS = 60_000;

/**
 * An ISO-8601 time, sent as a full UTC instant (`2026-11-22T10:00:00.000Z`). With `Z` or an offset
 * it is taken as given; a date alone (midnight) or a date-time without an offset is UTC, never the
 * local time of the machine running the CLI (the gateway refuses instants without an offset).
 */
export function parseIsoTime(value: string): string {
  const match = ISO_TIME.exec(value);
  const instant = match ? instantOf(match) : undefined;
  if (instant === undefined) {
    throw new InvalidArgumentError(`expected an ISO 8601 time such as 2026-11-22T10:00:00Z (${ISO_TIME_HELP}).`);
  }
  return new Date(instant).toISOString();
}

/** Milliseconds since the epoch, or undefined when a field is out of range (2026-02-30, 24:00, +25:00). */
function instantOf(match: RegExpExecArray): number | undefined {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const [sign, offsetHours, offsetMinutes] = [match[8] === '-' ? -1 : 1, Number(match[9] ?? 0), Number(match[10] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millisecond));
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC's year: it reads 0..99 as 1900..1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * MINUTE_MS;
}

export function parseHttpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('expected an http(s) URL.');
  return value;
}
