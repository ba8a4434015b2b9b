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

/** An ISO 8601 time, sent in UTC (`2026-11-22T10:00:00.000Z`); a time without an offset is local time. */
export function parseIsoTime(value: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ||
    Number.isNaN(Date.parse(value))
  ) {
    throw new InvalidArgumentError('expected an ISO 8601 time such as 2026-11-22T10:00:00Z.');
  }
  return new Date(value).toISOString();
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
