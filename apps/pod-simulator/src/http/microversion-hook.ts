// Negotiates the microversion of every request in an API scope and echoes it in the response.
import type { FastifyInstance } from 'fastify';
import { MicroversionService, VersionRange, microversionHeaders, negotiateMicroversion } from './microversion';
import { setMicroversion } from './request-context';

export function installMicroversionHook(app: FastifyInstance, service: MicroversionService, range: VersionRange): void {
  app.addHook('onRequest', async (request, reply) => {
    const version = negotiateMicroversion(request.headers, service, range);
    setMicroversion(request, version);
    reply.headers(microversionHeaders(service, version));
  });
}
