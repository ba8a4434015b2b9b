// Expectations are Python's answers (python3-nova 26.2 on Python 3.11: Nova's FormatChecker and the
// libraries it calls), recorded once; servers/create-validation/create-server-body.nova.system-spec.ts
// asks Nova live.
import { isBase64, isIpv4, isIpv6, isUuidLike, isValidName } from './nova-formats';

const UUID = '6e9f1e2c-3b1a-4c4e-9d52-0a4f3c2b1d00';

describe('isUuidLike (oslo is_uuid_like)', () => {
  it.each([
    [UUID, true],
    [UUID.toUpperCase(), true],
    [UUID.replaceAll('-', ''), true],
    [`{${UUID}}`, true],
    [`{{${UUID}}`, true],
    [`urn:uuid:${UUID}`, true],
    [`uuid:urn:${UUID}`, true],
    [`${UUID.slice(0, 8)}--${UUID.slice(8)}`, true],
    [`${UUID} `, false],
    [`0x${UUID.replaceAll('-', '').slice(2)}`, false],
    [`${UUID.slice(0, -1)}g`, false],
    ['', false],
    [42, false],
  ])('%j -> %s', (value, expected) => expect(isUuidLike(value)).toBe(expected));
});

describe('isIpv4 (ipaddress.IPv4Address)', () => {
  it.each([
    ['1.2.3.4', true],
    ['0.0.0.0', true],
    ['255.255.255.255', true],
    ['01.2.3.4', false],
    ['1.2.3.04', false],
    ['0000.1.1.1', false],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    [' 1.2.3.4', false],
    ['1.2.3.4\n', false],
    ['\u0661.2.3.4', false],
    ['1..3.4', false],
    [5, true], // not a string: the `type` keyword's to refuse
  ])('%j -> %s', (value, expected) => expect(isIpv4(value)).toBe(expected));
});

describe('isIpv6 (ipaddress.IPv6Address, no scope id)', () => {
  it.each([
    ['::1', true],
    ['::', true],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7::', true],
    ['::2:3:4:5:6:7:8', true],
    ['1::8', true],
    ['1:2:3:4::5:6:7', true],
    ['::ffff:1.2.3.4', true],
    ['::1.2.3.4', true],
    ['1:2:3:4:5:6:1.2.3.4', true],
    [':::', false],
    ['1:2:3:4:5:6:7:8:9', false],
    ['fe80::1%eth0', false],
    ['::ffff:1.2.3', false],
    ['1:2:3:4:5:6:7:1.2.3.4', false],
    ['12345::1', false],
    ['g::1', false],
    [':1:2:3:4:5:6:7', false],
    ['1:2:3:4:5:6:7:', false],
    ['1::2::3', false],
    ['1:2:3:4:5:6:7:8::', false],
    ['::1:2:3:4:5:6:7:8', false],
    ['1:2:3:4::5:6:7:8', false],
    [' ::1', false],
    ['::1\n', false],
  ])('%j -> %s', (value, expected) => expect(isIpv6(value)).toBe(expected));
});

describe('isBase64 (lenient b64decode)', () => {
  it.each([
    ['', true],
    ['aGVsbG8=', true],
    ['aGVsbG8', false],
    ['aGVsbA==x', true],
    ['aGVs bG8=', true],
    ['a', false],
    ['ab', false],
    ['abc', false],
    ['abcd', true],
    ['ab=', false],
    ['abc=', true],
    ['a===', false],
    ['ab==', true],
    ['ab=c', false],
    ['=', true],
    ['====', true],
    ['ab==cd', true],
    ['a!b@c#d$', true],
    ['YQ==YQ==', true],
    ['é', false], // Nova: an uncaught UnicodeDecodeError (a 500)
    [5, false],
  ])('%j -> %s', (value, expected) => expect(isBase64(value)).toBe(expected));
});

describe("isValidName (Nova's `name` format)", () => {
  it.each([
    ['web', true],
    ['x', true],
    ['a\u00a0b', true],
    ['web\n', true], // Python's `$` matches before a final newline
    [' web', false],
    ['web ', false],
    ['\n', false],
    ['a\n\n', false],
    ['\u00a0a', false],
    ['a\u3000', false],
    ['a\u2028b', false],
    ['a\u200bb', false],
    ['tab\tin', false],
    ['emoji\u{1f600}', false], // beyond U+FFFE, outside Nova's character ranges
    [5, false],
  ])('%j -> %s', (value, expected) => expect(isValidName(value)).toBe(expected));
});
