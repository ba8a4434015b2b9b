import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger } from './pino-nest-logger';

function captured(level = 'trace') {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    nest: new PinoNestLogger(pino({ level }, sink)),
    lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('PinoNestLogger', () => {
  it("writes Nest's (message, context) calls as nestjs-pino did: msg and context", () => {
    const log = captured();
    log.nest.log('flavor sync: 1 done', 'FlavorReconciler');
    log.nest.warn('pod slow', 'ServerCalls');
    expect(log.lines()).toEqual([
      expect.objectContaining({ level: 30, msg: 'flavor sync: 1 done', context: 'FlavorReconciler' }),
      expect.objectContaining({ level: 40, msg: 'pod slow', context: 'ServerCalls' }),
    ]);
  });

  it('merges an object message and keeps an error as err, with its stack', () => {
    const log = captured();
    log.nest.error({ requestId: 'req-1', status: 500 }, 'OpenStackErrorFilter');
    log.nest.error(new Error('boom'), 'Somewhere');
    const [merged, error] = log.lines();
    expect(merged).toMatchObject({ level: 50, requestId: 'req-1', status: 500, context: 'OpenStackErrorFilter' });
    expect(error).toMatchObject({
      level: 50,
      context: 'Somewhere',
      err: { message: 'boom', stack: expect.stringContaining('Error: boom') },
    });
  });

  it("reads Nest's exception handlers' (message, stack, context) as an error with that stack", () => {
    const log = captured();
    log.nest.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    expect(log.lines()[0]).toMatchObject({
      context: 'ExceptionsHandler',
      err: { message: 'Unhandled', stack: 'Error: Unhandled\n    at somewhere (file.js:1:1)' },
    });
  });

  it('maps verbose to trace and writes nothing below the level', () => {
    const log = captured('debug');
    log.nest.verbose('hidden', 'X');
    log.nest.debug('shown', 'X');
    expect(log.lines().map((l) => [l.level, l.msg])).toEqual([[20, 'shown']]);
  });
});
