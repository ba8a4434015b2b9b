import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logger';

/** The paths are only worth something if pino really blanks what podgate logs: check with pino itself. */
function logged(object: object): string {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink).info(object, 'x');
  return out;
}

describe('log redaction', () => {
  const secret = 'gAAAAAB-secret-token';

  it.each([
    ['a request header', { req: { headers: { 'x-auth-token': secret } } }],
    ['a command context', { command: { context: { token: secret } } }],
    ['a nested context', { handler: { context: { token: secret } } }],
    ['an axios error', { err: { config: { headers: { 'X-Auth-Token': secret } } } }],
    ["an axios error's subject token", { err: { config: { headers: { 'X-Subject-Token': secret } } } }],
    ["an axios error's subject token, lower case", { err: { config: { headers: { 'x-subject-token': secret } } } }],
    // A password authentication's body, as axios keeps it: a JSON string, not an object pino could walk.
    [
      "an axios error's request body",
      { err: { config: { data: JSON.stringify({ auth: { identity: { password: { user: { password: secret } } } } }) } } },
    ],
    ['a password', { body: { password: secret } }],
  ])('blanks the token in %s', (_what, object) => {
    const line = logged(object);
    expect(line).toContain('[redacted]');
    expect(line).not.toContain(secret);
  });
});
