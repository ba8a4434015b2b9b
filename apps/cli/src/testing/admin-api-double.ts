// TEST DOUBLE of the gateway's admin API (/v1.0), for the CLI's own specs only: a small Fastify
// server answering as the real gateway does (the shapes of apps/gateway/src/admin/**/*.wire.ts,
// the slices' error messages, `<collection>_links` pagination, NDJSON export with
// x-podgate-event-count). It keeps pods and bindings in memory and records every request; it is
// not the gateway and decides nothing real. Its specs cover what only a double can (transport
// faults, huge exports, pagination mechanics, the requests the CLI sends); the gateway's own
// behaviour is asserted in cli-gateway.e2e-spec.ts, which also checks this double has not drifted.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Binding, Pod, Routing } from '../admin-client/resources';
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
  const routes = { pods: state.pods, bindings: state.bindings, routings: options.routings ?? [] };
  registerPodRoutes(app, routes, pageSize);
  registerBindingRoutes(app, routes, pageSize);
  registerAuditDoubleRoutes(app, { ...options, pageSize, exported: state.exported });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, ...state, stop: () => app.close() };
}

interface DoubleState {
  readonly pods: Pod[];
  readonly bindings: Binding[];
  readonly routings: readonly Routing[];
}

const podNotFound = (reply: FastifyReply, podId: string) =>
  envelope(reply, 404, 'itemNotFound', `pod ${podId} could not be found`);

function registerPodRoutes(app: FastifyInstance, state: DoubleState, pageSize: number): void {
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
    return pod ? { pod } : podNotFound(reply, (request.params as { id: string }).id);
  });
  app.post('/v1.0/pods', async (request, reply) => {
    const input = (request.body as Body).pod ?? {};
    if (state.pods.some((pod) => pod.name === input.name))
      return envelope(reply, 409, 'conflictingRequest', `a pod named ${String(input.name)} is already registered`);
    const now = new Date().toISOString();
    const pod = {
      ...{ pod_id: randomUUID(), name: input.name, az_name: input.az_name, pod_az_name: '', dc_name: '', affinity_tag: null },
      ...{ capacity_threshold: 0.9, endpoints: {}, in_maintenance: false, maintenance_reason: null, status: 'active' },
      ...{ registered_at: now, updated_at: now, usage: null },
      ...input,
    } as Pod;
    state.pods.push(pod);
    return reply.code(201).send({ pod });
  });
  registerPodUpdateRoute(app, state);
  registerPodDeregisterRoute(app, state);
}

/** A profile change, or `maintenance` (with its reason) for drain and undrain. */
function registerPodUpdateRoute(app: FastifyInstance, state: DoubleState): void {
  app.put('/v1.0/pods/:id', async (request, reply) => {
    const podId = (request.params as { id: string }).id;
    const pod = state.pods.find((candidate) => candidate.pod_id === podId);
    if (!pod) return podNotFound(reply, podId);
    const { maintenance, maintenance_reason, ...profile } = (request.body as Body).pod ?? {};
    const changes =
      maintenance === undefined
        ? profile
        : { ...profile, in_maintenance: maintenance, maintenance_reason: maintenance ? (maintenance_reason ?? null) : null };
    Object.assign(pod, changes, { updated_at: new Date().toISOString() });
    return { pod };
  });
}

/** Refused while the pod has active bindings or routed resources, with the gateway's words, unless force=true. */
function registerPodDeregisterRoute(app: FastifyInstance, state: DoubleState): void {
  app.delete('/v1.0/pods/:id', async (request, reply) => {
    const podId = (request.params as { id: string }).id;
    const pod = state.pods.find((candidate) => candidate.pod_id === podId);
    if (!pod) return podNotFound(reply, podId);
    const bindings = state.bindings.filter((binding) => binding.pod_id === podId && binding.active).length;
    const routed = state.routings.filter((routing) => routing.pod_id === podId).length;
    if ((bindings > 0 || routed > 0) && (request.query as Query).force !== 'true') {
      const message = `pod ${podId} still has ${bindings} active binding(s) and ${routed} routed resource(s); end them first or force`;
      return envelope(reply, 409, 'conflictingRequest', message);
    }
    Object.assign(pod, { status: 'deregistered' });
    return reply.code(204).send();
  });
}

/**
 * As the gateway pins: reason `admin-pin`; the tenant's active binding in that AZ and affinity
 * group ends at the new one's bound_at with end reason `admin-pin`; pinning to the pod already
 * bound answers with the binding in force.
 */
function registerBindingRoutes(app: FastifyInstance, state: DoubleState, pageSize: number): void {
  app.post('/v1.0/bindings', async (request, reply) => {
    const input = (request.body as Body).binding ?? {};
    const podId = String(input.pod_id);
    if (!state.pods.some((pod) => pod.pod_id === podId)) return podNotFound(reply, podId);
    const key = { project_id: input.project_id, az_name: input.az_name, affinity_tag: input.affinity_tag ?? null };
    const current = state.bindings.find(
      (binding) =>
        binding.active &&
        binding.project_id === key.project_id &&
        binding.az_name === key.az_name &&
        binding.affinity_tag === key.affinity_tag,
    );
    if (current?.pod_id === podId) return reply.code(201).send({ binding: current });
    const now = new Date().toISOString();
    if (current) Object.assign(current, { active: false, ended_at: now, end_reason: 'admin-pin', ended_by: 'admin' });
    const binding = {
      ...{ binding_id: randomUUID(), ...key, pod_id: podId, reason: 'admin-pin', active: true, bound_at: now },
      ...{ bound_by: 'admin', ended_at: null, end_reason: null, ended_by: null },
    } as Binding;
    state.bindings.push(binding);
    return reply.code(201).send({ binding });
  });
  registerBindingListRoute(app, state, pageSize);
  app.delete('/v1.0/bindings/:id', async (request, reply) => {
    const bindingId = (request.params as { id: string }).id;
    const binding = state.bindings.find((candidate) => candidate.binding_id === bindingId);
    if (!binding) return envelope(reply, 404, 'itemNotFound', `binding ${bindingId} could not be found`);
    Object.assign(binding, {
      active: false,
      ended_at: new Date().toISOString(),
      end_reason: (request.query as Query).reason?.trim() || 'ended-by-admin',
      ended_by: 'admin',
    });
    return { binding };
  });
}

/** bound_at <= as_of < ended_at, as the gateway reads `as_of`. */
function registerBindingListRoute(app: FastifyInstance, state: DoubleState, pageSize: number): void {
  app.get('/v1.0/bindings', async (request, reply) => {
    const query = request.query as Query;
    const asOf = query.as_of === undefined ? undefined : Date.parse(query.as_of);
    const inForceAt = (binding: Binding, time: number) =>
      Date.parse(binding.bound_at) <= time && (binding.ended_at === null || Date.parse(binding.ended_at) > time);
    const bindings = state.bindings.filter(
      (binding) =>
        (query.project_id === undefined || binding.project_id === query.project_id) &&
        (query.pod_id === undefined || binding.pod_id === query.pod_id) &&
        (query.az_name === undefined || binding.az_name === query.az_name) &&
        (query.active === undefined || String(binding.active) === query.active) &&
        (asOf === undefined || inForceAt(binding, asOf)),
    );
    return page(reply, bindings, 'binding_id', 'bindings', '/v1.0/bindings', query, pageSize);
  });
}
