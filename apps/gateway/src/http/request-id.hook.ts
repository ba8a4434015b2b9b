import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-openstack-request-id';

/** podgate's own id for each request, `req-<uuid>` as OpenStack services make them. */
export const generateRequestId = (): string => `req-${randomUUID()}`;

/** Every answer, errors included, names its request so logs, events and clients can meet. */
export function registerRequestIdHeader(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
}
