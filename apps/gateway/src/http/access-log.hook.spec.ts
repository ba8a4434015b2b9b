import { Writable } from 'node:stream';
import { REDACTED_PATHS } from '@podgate/runtime';
import Fastify from 'fastify';
import pino from 'pino';
import { registerAccessLog } from './access-log.hook';

/** The gateway's logger (its redaction included), writing lines into memory. */
function capturedLogger(level = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  return { logger, lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

async function appLoggingTo(logger: pino.Logger) {
  const app = Fastify({ rewriteUrl: (request) => (request.url ?? '/').replace('/project-1', '') });
  registerAccessLog(app, logger);
  app.get('/compute/v2.1/servers', async () => ({ servers: [] }));
  app.get('/broken', async (_request, reply) => reply.code(503).send({}));
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.ready();
  return app;
}

describe('access log', () => {
  it("writes one line per request in pino-http's shape, the URL as the client sent it", async () => {
    const log = capturedLogger();
    const app = await appLoggingTo(log.logger);
    await app.inject({
      method: 'GET',
      url: '/project-1/compute/v2.1/servers?limit=2',
      headers: { 'x-auth-token': 'tok-secret-1' },
    });
    await app.close();
    const [line] = log.lines();
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: expect.any(String), method: 'GET', url: '/project-1/compute/v2.1/servers?limit=2' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(log.lines()).toHaveLength(1);
  });

  it('SECURITY: never logs a header, so never a token', async () => {
    const log = capturedLogger();
    const app = await appLoggingTo(log.logger);
    await app.inject({ method: 'GET', url: '/compute/v2.1/servers', headers: { 'x-auth-token': 'tok-secret-2', cookie: 'c=1' } });
    await app.close();
    expect(JSON.stringify(log.lines())).not.toMatch(/tok-secret-2|headers|cookie/);
  });

  it('says "request errored" for a 5xx and leaves out the health probes', async () => {
    const log = capturedLogger();
    const app = await appLoggingTo(log.logger);
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/broken' });
    await app.close();
    expect(log.lines().map((line) => [line.msg, (line.res as { statusCode: number }).statusCode])).toEqual([
      ['request errored', 503],
    ]);
  });

  it('writes nothing below info', async () => {
    const log = capturedLogger('warn');
    const app = await appLoggingTo(log.logger);
    await app.inject({ method: 'GET', url: '/compute/v2.1/servers' });
    await app.close();
    expect(log.lines()).toEqual([]);
  });
});
