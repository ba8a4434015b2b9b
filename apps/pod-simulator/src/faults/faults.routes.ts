// /__sim control endpoints of the pod simulator (a test double): fault injection at run time.
// The same routes serve a pod's own port (`/__sim/...`) and Keystone's port for any pod
// (`/__sim/pods/:pod/...`), because a pod that is down cannot be brought up through itself.
// SECURITY: these routes take no token on purpose (tests drive them); the simulator binds to
// 127.0.0.1 by default and must never be exposed beyond the test machine.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Json, isObject, optionalBool, optionalInt } from '../http/body';
import { badRequest, notFound } from '../http/openstack-error';
import { FaultSettings } from './fault-state';
import { FaultTarget } from './fault-target';

type Resolve = (request: FastifyRequest) => FaultTarget;

const bodyOf = (request: FastifyRequest): Json => (isObject(request.body) ? request.body : {});

function parseRate(value: unknown): number {
  if (typeof value !== 'number' || value < 0 || value > 1) throw badRequest('"rate" must be a number between 0 and 1');
  return value;
}

function parseStatus(value: unknown): 500 | 503 {
  if (value === undefined) return 503;
  if (value !== 500 && value !== 503) throw badRequest('"status" must be 500 or 503');
  return value;
}

/** PUT /__sim/faults accepts any subset of the settings at once. */
function parsePatch(body: Json): Partial<FaultSettings> {
  const patch: Partial<FaultSettings> = {};
  const latency = optionalInt(body, 'latencyMs');
  if (latency !== undefined) patch.latencyMs = latency;
  const answerDelay = optionalInt(body, 'answerDelayMs');
  if (answerDelay !== undefined) patch.answerDelayMs = answerDelay;
  if (body.errorRate !== undefined) patch.errorRate = parseRate(body.errorRate);
  if (body.errorStatus !== undefined) patch.errorStatus = parseStatus(body.errorStatus);
  const hang = optionalBool(body, 'hang');
  if (hang !== undefined) patch.hang = hang;
  const capacity = optionalBool(body, 'capacityExhausted');
  if (capacity !== undefined) patch.capacityExhausted = capacity;
  if (body.pathPrefix !== undefined) {
    if (body.pathPrefix !== null && typeof body.pathPrefix !== 'string')
      throw badRequest('"pathPrefix" must be a string or null');
    patch.pathPrefix = body.pathPrefix;
  }
  return patch;
}

/** Registers the control routes under `prefix`; `resolve` picks the target from the request. */
export function registerFaultRoutes(app: FastifyInstance, prefix: string, resolve: Resolve): void {
  const state = (target: FaultTarget) => ({ ...target.describe(), up: target.isUp(), faults: target.faults.settings });

  app.get(prefix, async (request) => state(resolve(request)));
  app.get(`${prefix}/faults`, async (request) => resolve(request).faults.settings);

  app.put(`${prefix}/faults`, async (request) => resolve(request).faults.update(parsePatch(bodyOf(request))));

  app.post(`${prefix}/faults/latency`, async (request) => {
    const ms = optionalInt(bodyOf(request), 'ms') ?? 0;
    return resolve(request).faults.update({ latencyMs: ms });
  });

  app.post(`${prefix}/faults/errors`, async (request) => {
    const body = bodyOf(request);
    return resolve(request).faults.update({ errorRate: parseRate(body.rate), errorStatus: parseStatus(body.status) });
  });

  app.post(`${prefix}/faults/hang`, async (request) =>
    resolve(request).faults.update({ hang: optionalBool(bodyOf(request), 'enabled') ?? true }),
  );

  app.post(`${prefix}/faults/capacity`, async (request) =>
    resolve(request).faults.update({ capacityExhausted: optionalBool(bodyOf(request), 'exhausted') ?? true }),
  );

  app.post(`${prefix}/down`, async (request, reply) => {
    const target = resolve(request);
    const forMs = optionalInt(bodyOf(request), 'forMs');
    // Answer first: when this is the pod's own port, closing it would cut this very response.
    afterResponse(reply, () => void target.down(forMs));
    reply.code(202);
    return { down: target.name, forMs: forMs ?? null };
  });

  app.post(`${prefix}/up`, async (request) => {
    const target = resolve(request);
    await target.up();
    return state(target);
  });

  app.post(`${prefix}/reset`, async (request) => {
    const target = resolve(request);
    await target.reset({ data: optionalBool(bodyOf(request), 'data') ?? false });
    return state(target);
  });
}

function afterResponse(reply: FastifyReply, action: () => void): void {
  reply.raw.once('finish', () => setImmediate(action));
}

/** Keystone's port: one set of routes per pod name, plus a listing. */
export function registerAggregateFaultRoutes(app: FastifyInstance, targets: () => FaultTarget[]): void {
  const byName = (request: FastifyRequest): FaultTarget => {
    const { pod } = request.params as { pod: string };
    const target = targets().find((t) => t.name.toLowerCase() === pod.toLowerCase());
    if (!target) throw notFound(`No simulated pod named ${pod}.`);
    return target;
  };
  app.get('/__sim/pods', async () => ({
    pods: targets().map((t) => ({ ...t.describe(), up: t.isUp(), faults: t.faults.settings })),
  }));
  registerFaultRoutes(app, '/__sim/pods/:pod', byName);
}
