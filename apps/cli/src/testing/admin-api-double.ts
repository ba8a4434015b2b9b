// TEST DOUBLE of the gateway's admin API (/v1.0), for the CLI's own specs only: a small Fastify
// server answering as the issue-4 contract says (status codes, the OpenStack error envelope,
// `<collection>_links` pagination, NDJSON export with x-podgate-event-count). It keeps pods and
// bindings in memory and records every request; it is not the gateway and decides nothing real.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Binding, Pod } from '../admin-client/resources';
import { registerAuditDoubleRoutes, type AuditDoubleOptions } from './admin-api-double.audit';
import { envelope, page, type Query } from './admin-api-double.http';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

export interface AdminApiDoubleOptions extends AuditDoubleOptions {
  /** Which X-Auth-Token values are accepted (default: any non-empty). */
  readonly acceptToken?: (token: string) => boolean;
  /** Page size when the client sends no limit (small, so pagination is exercised). */
  readonly pageSize?: number;
}

type Body = Record<string, Record<string, unknown> | undefined>;

export interface AdminApiDouble {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly pods: Pod[];
  readonly bindings: Binding[];
  readonly exported: { lines: number; bytes: number };
  stop(): Promise<void>;
}

export async function startAdminApiDouble(options: AdminApiDoubleOptions = {}): Promise<AdminApiDouble> {
  const app = Fastify({ logger: false });
  const state = {
    requests: [] as RecordedRequest[],
    pods: [] as Pod[],
    bindings: [] as Binding[],
    exported: { lines: 0, bytes: 0 },
  };
  const pageSize = options.pageSize ?? 2;
  const accept = options.acceptToken ?? ((token: string) => token.length > 0);
  app.addHook('preHandler', async (request, reply) => {
    state.requests.push({ method: request.method, url: request.url, headers: request.headers, body: request.body });
    const token = request.headers['x-auth-token'];
    if (typeof token !== 'string' || !accept(token)) {
      return envelope(reply, 401, 'unauthorized', 'The request you have made requires authentication.');
    }
  });
  registerPodRoutes(app, state, pageSize);
  registerBindingRoutes(app, state, pageSize);
  registerAuditDoubleRoutes(app, { ...options, pageSize, exported: state.exported });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, ...state, stop: () => app.close() };
}

function registerPodRoutes(app: FastifyInstance, state: { pods: Pod[]; bindings: Binding[] }, pageSize: number): void {
  const find = (id: string) => state.pods.find((pod) => pod.pod_id === id);
  app.get('/v1.0/pods', async (request, reply) => {
    const query = request.query as Query;
    const pods = state.pods.filter(
      (pod) =>
        (query.name === undefined || pod.name === query.name) &&
        (query.az_name === undefined || pod.az_name === query.az_name) &&
        (query.in_maintenance === undefined || String(pod.in_maintenance) === query.in_maintenance) &&
        (query.status === undefined || pod.status === query.status),
    );
    return page(reply, pods, 'pod_id', 'pods', '/v1.0/pods', query, pageSize);
  });
  app.get('/v1.0/pods/:id', async (request, reply) => {
    const pod = find((request.params as { id: string }).id);
    return pod
      ? { pod }
      : envelope(reply, 404, 'itemNotFound', `Pod ${(request.params as { id: string }).id} could not be found.`);
  });
  app.post('/v1.0/pods', async (request, reply) => {
    const input = (request.body as Body).pod ?? {};
    if (state.pods.some((pod) => pod.name === input.name))
      return envelope(reply, 409, 'conflictingRequest', `Pod ${String(input.name)} already exists.`);
    const now = new Date().toISOString();
    const pod = {
      ...{ pod_id: randomUUID(), name: input.name, az_name: input.az_name, pod_az_name: null, dc_name: null, affinity_tag: null },
      ...{ capacity_threshold: 0.9, endpoints: {}, in_maintenance: false, maintenance_reason: null, status: 'active' },
      ...{ registered_at: now, updated_at: now, usage: null },
      ...input,
    } as Pod;
    state.pods.push(pod);
    return reply.code(201).send({ pod });
  });
  app.put('/v1.0/pods/:id', async (request, reply) => {
    const pod = find((request.params as { id: string }).id);
    if (!pod) return envelope(reply, 404, 'itemNotFound', 'Pod could not be found.');
    const { maintenance, maintenance_reason, ...profile } = (request.body as Body).pod ?? {};
    const changes =
      maintenance === undefined
        ? profile
        : { ...profile, in_maintenance: maintenance, maintenance_reason: maintenance ? (maintenance_reason ?? null) : null };
    Object.assign(pod, changes, { updated_at: new Date().toISOString() });
    return { pod };
  });
  app.delete('/v1.0/pods/:id', async (request, reply) => {
    const pod = find((request.params as { id: string }).id);
    if (!pod) return envelope(reply, 404, 'itemNotFound', 'Pod could not be found.');
    const inUse = state.bindings.some((binding) => binding.pod_id === pod.pod_id && binding.active);
    if (inUse && (request.query as Query).force !== 'true')
      return envelope(reply, 409, 'conflictingRequest', `Pod ${pod.name} is in use by 1 active binding.`);
    Object.assign(pod, { status: 'deregistered' });
    return reply.code(204).send();
  });
}

function registerBindingRoutes(app: FastifyInstance, state: { pods: Pod[]; bindings: Binding[] }, pageSize: number): void {
  app.post('/v1.0/bindings', async (request, reply) => {
    const input = (request.body as Body).binding ?? {};
    if (!state.pods.some((pod) => pod.pod_id === input.pod_id))
      return envelope(reply, 404, 'itemNotFound', `Pod ${String(input.pod_id)} could not be found.`);
    const binding = {
      ...{ affinity_tag: null, reason: 'pinned', active: true, bound_at: new Date().toISOString(), bound_by: 'admin' },
      ...{ ended_at: null, end_reason: null, ended_by: null },
      ...input,
      binding_id: randomUUID(),
    } as Binding;
    state.bindings.push(binding);
    return reply.code(201).send({ binding });
  });
  app.get('/v1.0/bindings', async (request, reply) => {
    const query = request.query as Query;
    const asOf = query.as_of === undefined ? undefined : Date.parse(query.as_of);
    const inForceAt = (binding: Binding, time: number) =>
      Date.parse(binding.bound_at) <= time && (binding.ended_at === null || Date.parse(binding.ended_at) > time);
    const bindings = state.bindings.filter(
      (binding) =>
        (query.project_id === undefined || binding.project_id === query.project_id) &&
        (query.pod_id === undefined || binding.pod_id === query.pod_id) &&
        (query.active === undefined || String(binding.active) === query.active) &&
        (asOf === undefined || inForceAt(binding, asOf)),
    );
    return page(reply, bindings, 'binding_id', 'bindings', '/v1.0/bindings', query, pageSize);
  });
  app.delete('/v1.0/bindings/:id', async (request, reply) => {
    const binding = state.bindings.find((candidate) => candidate.binding_id === (request.params as { id: string }).id);
    if (!binding)
      return envelope(reply, 404, 'itemNotFound', `Binding ${(request.params as { id: string }).id} could not be found.`);
    Object.assign(binding, {
      active: false,
      ended_at: new Date().toISOString(),
      end_reason: (request.query as Query).reason ?? 'ended',
      ended_by: 'admin',
    });
    return { binding };
  });
}
