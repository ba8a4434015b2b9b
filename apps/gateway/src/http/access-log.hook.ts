import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Probes answer every few seconds and say nothing worth a line. */
const UNLOGGED_URLS = new Set(['/healthz', '/readyz']);

/**
 * One line per answered request, in pino-http's shape (`req`, `res`, `responseTime`, "request
 * completed" / "request errored" for a 5xx), from a Fastify hook: pino-http as Nest middleware cost
 * a child logger with every request header serialised and redacted, and a middleware pass, per
 * request. No header is logged, so no token can be.
 */
export function registerAccessLog(fastify: FastifyInstance, logger: Logger): void {
  if (!logger.isLevelEnabled('info')) return;
  // SECURITY: unredacted, as the line is built below from the method, URL, ids and status only (no
  // header, no body). The redaction paths' wildcards cost ~35 µs a line, more than the line itself.
  const lines = logger.child({}, { redact: [] });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!UNLOGGED_URLS.has(request.url)) {
      const statusCode = reply.statusCode;
      lines.info(
        {
          req: {
            id: request.id,
            method: request.method,
            // As the client sent it, before the compute URL rewrite.
            url: request.originalUrl,
            remoteAddress: request.socket.remoteAddress,
            remotePort: request.socket.remotePort,
          },
          res: { statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        statusCode >= 500 ? 'request errored' : 'request completed',
      );
    }
    done();
  });
}
