import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from './zod-validation.pipe';
import { booleanParam, instantParam, limitParam } from './wire-params';

const Body = z.strictObject({
  pod: z.strictObject({ name: z.string().min(1), az_name: z.string(), capacity_threshold: z.number().gt(0).lte(1).optional() }),
});
const Query = z.object({ limit: limitParam, as_of: instantParam.optional(), force: booleanParam.optional() });

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException) return error.message;
    throw error;
  }
  throw new Error('no 400');
}

describe('request validation in Nova words', () => {
  it.each([
    [{ pod: { name: 'Pod1', az_name: 42 } }, "Invalid input for field/attribute az_name. Value: 42. 42 is not of type 'string'"],
    [{ pod: { name: 'Pod1' } }, "Invalid input for field/attribute az_name. 'az_name' is a required property"],
    [
      { pod: { name: 'Pod1', az_name: 'az1', colour: 'red' } },
      "Invalid input for field/attribute colour. Additional properties are not allowed ('colour' was unexpected)",
    ],
    [
      { pod: { name: 'Pod1', az_name: 'az1' }, a: 1, b: 2 },
      "Invalid input for field/attribute body. Additional properties are not allowed ('a', 'b' were unexpected)",
    ],
    [
      { pod: { name: 'Pod1', az_name: 'az1', capacity_threshold: 1.5 } },
      'Invalid input for field/attribute capacity_threshold. Value: 1.5. 1.5 is greater than the maximum of 1',
    ],
    [
      { pod: { name: 'Pod1', az_name: 'az1', capacity_threshold: 0 } },
      'Invalid input for field/attribute capacity_threshold. Value: 0. 0 is less than or equal to the minimum of 0',
    ],
    [{ pod: { name: '', az_name: 'az1' } }, "Invalid input for field/attribute name. Value: . '' is too short"],
    [undefined, 'Invalid input for the request body. The body must be a JSON object.'],
  ])('refuses body %j', (body, message) => {
    expect(messageOf(() => parseInput(Body, body, 'body'))).toBe(message);
  });

  it.each([
    [{ limit: '0' }, 'Invalid input for query parameters limit. Value: 0. 0 is less than the minimum of 1'],
    [{ limit: '1001' }, 'Invalid input for query parameters limit. Value: 1001. 1001 is greater than the maximum of 1000'],
    [{ limit: 'ten' }, "Invalid input for query parameters limit. Value: ten. 'ten' does not match '^[0-9]+$'"],
    [{ as_of: '2025-01-31' }, "Invalid input for query parameters as_of. Value: 2025-01-31. '2025-01-31' is not a 'date-time'"],
    [
      { as_of: '0000-01-01T00:00:00Z' },
      "Invalid input for query parameters as_of. Value: 0000-01-01T00:00:00Z. '0000-01-01T00:00:00Z' is not a 'date-time' in the years 0001-9999 (UTC)",
    ],
    [
      { as_of: '0001-01-01T00:30:00+01:00' },
      "Invalid input for query parameters as_of. Value: 0001-01-01T00:30:00+01:00. '0001-01-01T00:30:00+01:00' is not a 'date-time' in the years 0001-9999 (UTC)",
    ],
    [
      { as_of: '9999-12-31T23:30:00-01:00' },
      "Invalid input for query parameters as_of. Value: 9999-12-31T23:30:00-01:00. '9999-12-31T23:30:00-01:00' is not a 'date-time' in the years 0001-9999 (UTC)",
    ],
    [
      { force: 'maybe' },
      "Invalid input for query parameters force. Value: maybe. 'maybe' is not one of ['0', '1', 'true', 'false', 'yes', 'no']",
    ],
  ])('refuses query %j', (query, message) => {
    expect(messageOf(() => parseInput(Query, query, 'query'))).toBe(message);
  });

  it('echoes at most 120 characters of a value', () => {
    const message = messageOf(() => parseInput(Body, { pod: { name: 'x'.repeat(10_000), az_name: 7 } }, 'body'));
    expect(message).toBe(`Invalid input for field/attribute az_name. Value: 7. 7 is not of type 'string'`);
    const long = messageOf(() => parseInput(Query, { limit: '9'.repeat(10_000) }, 'query'));
    expect(long.length).toBeLessThan(400);
    expect(long).toBe(`Invalid input for query parameters limit. Value: ${'9'.repeat(120)}…. '${'9'.repeat(120)}…' is too long`);
  });

  it('reads limits, instants and oslo booleans', () => {
    expect(parseInput(Query, {}, 'query')).toEqual({ limit: 100 });
    expect(parseInput(Query, { limit: '1000', as_of: '2025-01-31T12:00:00+01:00', force: 'yes' }, 'query')).toEqual({
      limit: 1000,
      as_of: '2025-01-31T12:00:00+01:00',
      force: true,
    });
    for (const edge of ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00-01:00', '9999-12-31T23:59:59.999Z']) {
      expect(parseInput(Query, { as_of: edge }, 'query')).toEqual({ limit: 100, as_of: edge });
    }
    expect(['true', '1', 'yes', 'false', '0', 'no'].map((word) => parseInput(booleanParam, word, 'query'))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
