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

  it('normalises ISO 8601 times to UTC and refuses other dates', () => {
    expect(parseIsoTime('2026-11-22T10:00:00+01:00')).toBe('2026-11-22T09:00:00.000Z');
    expect(parseIsoTime('2026-11-22')).toBe('2026-11-22T00:00:00.000Z');
    for (const bad of ['yesterday', '22/11/2026', '2026-13-45T00:00:00Z', 'Sun Nov 22 2026']) {
      expect(() => parseIsoTime(bad)).toThrow(InvalidArgumentError);
    }
  });

  it('accepts http and https URLs only', () => {
    expect(parseHttpUrl('https://pod1.example/compute/v2.1')).toBe('https://pod1.example/compute/v2.1');
    for (const bad of ['pod1:8774', 'ftp://pod1', 'not a url']) expect(() => parseHttpUrl(bad)).toThrow(InvalidArgumentError);
  });
});
