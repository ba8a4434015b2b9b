import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { transformFileSync } from '@swc/core';
import { InvalidArgumentError } from 'commander';
import { parseFraction, parseHttpUrl, parseIsoTime, parsePositiveInt } from './option-parsers';

describe('option parsers', () => {
  it('accepts whole numbers from 1 for --limit', () => {
    expect(parsePositiveInt('25')).toBe(25);
    for (const bad of ['0', '-1', '1.5', '1e3', 'ten', '']) expect(() => parsePositiveInt(bad)).toThrow(InvalidArgumentError);
  });

  it('accepts fractions in (0, 1] for --capacity-threshold', () => {
    expect(parseFraction('0.9')).toBe(0.9);
    expect(parseFraction('1')).toBe(1);
    for (const bad of ['0', '1.01', '90%', ' ', 'NaN']) expect(() => parseFraction(bad)).toThrow(InvalidArgumentError);
  });

  it('accepts http and https URLs only', () => {
    expect(parseHttpUrl('https://pod1.example/compute/v2.1')).toBe('https://pod1.example/compute/v2.1');
    for (const bad of ['pod1:8774', 'ftp://pod1', 'not a url']) expect(() => parseHttpUrl(bad)).toThrow(InvalidArgumentError);
  });
});

/**
 * `parseIsoTime` in a fresh node whose local zone is `zone`: jest's `process.env` is a copy, so
 * setting TZ inside a spec never reaches the clock. Each input gives the time sent, or the error.
 */
function parseIsoTimeInZone(zone: string, inputs: readonly string[]): { offset: number; sent: string[] } {
  const { code } = transformFileSync(join(__dirname, 'option-parsers.ts'), {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const probe = `${code}
const sent = ${JSON.stringify(inputs)}.map((input) => { try { return parseIsoTime(input); } catch (e) { return e.message; } });
process.stdout.write(JSON.stringify({ offset: new Date(2026, 10, 22).getTimezoneOffset(), sent }));`;
  const child = spawnSync(process.execPath, ['-e', probe], {
    cwd: __dirname,
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`probe in ${zone} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { offset: number; sent: string[] };
}

describe('parseIsoTime', () => {
  it.each([
    ['America/New_York', 300],
    ['Asia/Kolkata', -330],
  ])('sends the same instants whatever the local zone (%s): UTC without an offset, as given with one', (zone, offset) => {
    const inputs = ['2026-11-22', '2026-11-22T10:00', '2026-11-22 10:00:30.25', '2026-11-22T10:00:00Z', '2026-11-22T10:00+02:00'];
    expect(parseIsoTimeInZone(zone, inputs)).toEqual({
      offset,
      sent: [
        '2026-11-22T00:00:00.000Z',
        '2026-11-22T10:00:00.000Z',
        '2026-11-22T10:00:30.250Z',
        '2026-11-22T10:00:00.000Z',
        '2026-11-22T08:00:00.000Z',
      ],
    });
  });

  it.each([
    ['2026-11-22T10:00:00Z', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T10:00:00.5Z', '2026-11-22T10:00:00.500Z'],
    ['2026-11-22T10:00:00.123456Z', '2026-11-22T10:00:00.123Z'],
    ['2026-11-22T10:00:00+01:00', '2026-11-22T09:00:00.000Z'],
    ['2026-11-22T10:00:00+02:00', '2026-11-22T08:00:00.000Z'],
    ['2026-11-22T10:00-05:30', '2026-11-22T15:30:00.000Z'],
    ['2026-11-22T10:00:00-0530', '2026-11-22T15:30:00.000Z'],
    ['2026-11-22T01:00:00+02:00', '2026-11-21T23:00:00.000Z'],
  ])('takes %s, which has an offset, as given: %s', (input, sent) => {
    expect(parseIsoTime(input)).toBe(sent);
  });

  it.each([
    ['2026-11-22', '2026-11-22T00:00:00.000Z'],
    ['2026-11-22T10:00', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T10:00:30', '2026-11-22T10:00:30.000Z'],
    ['2026-11-22 10:00:30.25', '2026-11-22T10:00:30.250Z'],
    ['2026-11-22T23:59:59.999', '2026-11-22T23:59:59.999Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('takes %s, which has no offset, as UTC: %s', (input, sent) => {
    expect(parseIsoTime(input)).toBe(sent);
  });

  it.each([
    'yesterday',
    '22/11/2026',
    'Sun Nov 22 2026',
    '2026-13-45T00:00:00Z',
    '2026-02-30',
    '2026-02-29',
    '2026-11-22T24:00',
    '2026-11-22T10:60',
    '2026-11-22T10:00:60Z',
    '2026-11-22T10:00+24:00',
    '2026-11-22T10:00+01:60',
    '2026-11-22Z',
    '2026-11-22T10',
    ' 2026-11-22',
  ])('refuses %j', (bad) => {
    expect(() => parseIsoTime(bad)).toThrow(InvalidArgumentError);
  });
});
