import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, flushLogger, LOG_FLUSH_MS, REDACTED_PATHS } from './logger';

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

describe('createLogger buffering', () => {
  let dir: string;
  let logger: pino.Logger | undefined;
  const written = () => readFileSync(join(dir, 'log'), 'utf8');
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const loggerOnFile = () => (logger = createLogger('info', 'test', openSync(join(dir, 'log'), 'w')));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'podgate-logger-'));
  });
  afterEach(async () => {
    // The destination closes its file itself once its last write is done.
    const stream = (logger as unknown as Record<symbol, NodeJS.EventEmitter & { end(): void }>)[pino.symbols.streamSym];
    await new Promise((resolve) => {
      stream.once('close', resolve);
      stream.end();
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds info lines briefly, writes them within the flush interval, in order', async () => {
    const logger = loggerOnFile();
    logger.info('first');
    logger.info('second');
    expect(written()).toBe('');
    await pause(LOG_FLUSH_MS * 3);
    expect(
      written()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).msg),
    ).toEqual(['first', 'second']);
  });

  it('writes an error at once, with the lines before it', async () => {
    const logger = loggerOnFile();
    logger.info('before');
    logger.error('failed');
    await pause(10);
    expect(written()).toContain('"msg":"before"');
    expect(written()).toContain('"msg":"failed"');
  });

  it('flushLogger writes what is buffered synchronously (shutdown)', () => {
    const logger = loggerOnFile();
    logger.info('last words');
    flushLogger(logger);
    expect(written()).toContain('"msg":"last words"');
  });
});
