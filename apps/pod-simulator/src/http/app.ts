// The Fastify instance every listener of the pod simulator (a test double) starts from:
// request ids, the Server header that says what this is, OpenStack-style JSON parsing, logging.
import Fastify, { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newRequestId } from '../ids';
import { ErrorDialect, OpenStackError, renderError } from './openstack-error';

export type SimLog = (line: string) => void;

/** SECURITY/clarity: every response says it comes from a test double, never from real OpenStack. */
export const SERVER_HEADER = 'podgate-pod-simulator/0.1 (test double; not OpenStack)';

export interface BaseAppOptions {
  log?: SimLog;
  /** Prefix of request log lines, e.g. the pod name. */
  label: string;
  /**
   * Derive HEAD from every GET route. Keystone needs it (HEAD /v3/auth/tokens); pods do not, and
   * leaving them out halves route registration, the bulk of start-up time.
   */
  headRoutes?: boolean;
}

export function createBaseApp(options: BaseAppOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    genReqId: newRequestId,
    requestIdHeader: false,
    // Hung requests (fault "hang") must not keep a pod from going down or the process from exiting.
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    exposeHeadRoutes: options.headRoutes ?? true,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('server', SERVER_HEADER);
    reply.header('x-openstack-request-id', request.id);
  });
  installJsonParser(app);
  if (options.log) {
    const log = options.log;
    app.addHook('onResponse', async (request, reply) => {
      log(
        `${options.label} ${request.method} ${request.url} -> ${reply.statusCode} ${reply.elapsedTime.toFixed(0)}ms ${request.id}`,
      );
    });
  }
  return app;
}

/** Empty bodies are allowed (many actions send none); malformed JSON is Nova's 400. */
function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new OpenStackError(400, 'Malformed request body'), undefined);
    }
  });
}

/** One error handler and not-found handler for an API's route prefix, in that API's envelope. */
export function installErrorHandling(app: FastifyInstance, dialect: ErrorDialect, log?: SimLog): void {
  app.setErrorHandler((error: FastifyError | OpenStackError, request, reply) => sendError(error, request, reply, dialect, log));
  app.setNotFoundHandler((request, reply) =>
    sendError(new OpenStackError(404, 'The resource could not be found.'), request, reply, dialect, log),
  );
}

function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  dialect: ErrorDialect,
  log?: SimLog,
): FastifyReply {
  const { status, message, neutronType, forcedDialect } = describe(error);
  if (status >= 500 && !(error instanceof OpenStackError)) {
    // A bug in the simulator itself: log it with the request id, never send the stack to the client.
    log?.(
      `pod simulator internal error on ${request.method} ${request.url} ${request.id}: ${(error as Error)?.stack ?? String(error)}`,
    );
  }
  const rendered = renderError(forcedDialect ?? dialect, status, message, neutronType);
  return reply.code(status).header('content-type', rendered.contentType).send(rendered.body);
}

function describe(error: unknown): { status: number; message: string; neutronType?: string; forcedDialect?: ErrorDialect } {
  if (error instanceof OpenStackError) {
    return { status: error.status, message: error.message, neutronType: error.neutronType, forcedDialect: error.dialect };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 415) return { status, message: 'Unsupported Content-Type' };
  if (status < 500) return { status, message: fastifyError.message ?? 'Bad request' };
  return {
    status: 500,
    message:
      'Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.',
  };
}
