// os-services of the simulated Nova (admin): list, and enable/disable/force-down by id (2.53+)
// or by host and binary (before 2.53). A forced-down compute service is what evacuate needs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Json, isObject, optionalBool, optionalNullableString } from '../http/body';
import { isoMicrosNaive } from '../clock';
import { ApiVersion, atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { asQuery, queryOne } from '../http/query';
import { microversionOf } from '../http/request-context';
import { requireComputeAdmin } from './flavors.routes';
import { NovaService } from './hosts';
import { NovaContext, param } from './nova-context';

function renderService(s: NovaService, version: ApiVersion): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: atLeast(version, '2.53') ? s.uuid : s.legacyId,
    binary: s.binary,
    host: s.host,
    zone: s.zone,
    status: s.disabled ? 'disabled' : 'enabled',
    state: s.forcedDown ? 'down' : 'up',
    updated_at: isoMicrosNaive(s.updatedAt),
    disabled_reason: s.disabledReason,
  };
  if (atLeast(version, '2.11')) view.forced_down = s.forcedDown;
  return view;
}

function applyUpdate(s: NovaService, body: Json, now: number): void {
  if (body.status !== undefined) {
    if (body.status !== 'enabled' && body.status !== 'disabled')
      throw badRequest('Invalid input for field/attribute status. Value: ' + JSON.stringify(body.status));
    s.disabled = body.status === 'disabled';
    s.disabledReason = s.disabled ? (optionalNullableString(body, 'disabled_reason') ?? null) : null;
  }
  const forcedDown = optionalBool(body, 'forced_down');
  if (forcedDown !== undefined) s.forcedDown = forcedDown;
  s.updatedAt = now;
}

export function registerServiceRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const admin = (request: FastifyRequest, verb: string) => requireComputeAdmin(request, `os_compute_api:os-services:${verb}`);

  app.get('/os-services', async (request) => {
    admin(request, 'list');
    const query = asQuery(request.query);
    const host = queryOne(query, 'host');
    const binary = queryOne(query, 'binary');
    const services = pod.nova.services.filter(
      (s) => (host === undefined || s.host === host) && (binary === undefined || s.binary === binary),
    );
    return { services: services.map((s) => renderService(s, microversionOf(request))) };
  });

  app.put('/os-services/:id', async (request) => {
    admin(request, 'update');
    const version = microversionOf(request);
    const body = isObject(request.body) ? request.body : {};
    if (atLeast(version, '2.53')) {
      const service = pod.nova.services.find((s) => s.uuid === param(request, 'id'));
      if (!service) throw notFound(`Service ${param(request, 'id')} could not be found.`);
      applyUpdate(service, body, pod.now());
      return { service: renderService(service, version) };
    }
    return legacyUpdate(param(request, 'id'), body);
  });

  /** Before 2.53: PUT /os-services/{enable|disable|disable-log-reason|force-down} with host + binary. */
  function legacyUpdate(verb: string, body: Json) {
    const service = pod.nova.services.find((s) => s.host === body.host && s.binary === body.binary);
    if (!service) throw notFound(`Service ${String(body.binary)} on host ${String(body.host)} could not be found.`);
    const patch: Json =
      verb === 'enable'
        ? { status: 'enabled' }
        : verb === 'disable'
          ? { status: 'disabled' }
          : verb === 'disable-log-reason'
            ? { status: 'disabled', disabled_reason: body.disabled_reason }
            : verb === 'force-down'
              ? { forced_down: body.forced_down }
              : (() => {
                  throw notFound('Unknown action');
                })();
    applyUpdate(service, patch, pod.now());
    return {
      service: {
        host: service.host,
        binary: service.binary,
        status: service.disabled ? 'disabled' : 'enabled',
        disabled_reason: service.disabledReason,
        forced_down: service.forcedDown,
      },
    };
  }
}
