// /flavors of the simulated Nova: list (summary, detail), show, admin create/update/delete.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { envelope, optionalBool, optionalInt, optionalNullableString, optionalString, requiredString } from '../http/body';
import { nextLink } from '../http/links';
import { atLeast } from '../http/microversion';
import { badRequest, forbidden, notFound } from '../http/openstack-error';
import { paginate, parsePage, parseSort, sortItems } from '../http/pagination';
import { asQuery, queryOne } from '../http/query';
import { callerOf, microversionOf } from '../http/request-context';
import { newUuid } from '../ids';
import { Flavor } from './flavor-store';
import { renderFlavorDetail, renderFlavorSummary } from './flavor-views';
import { NovaContext, param } from './nova-context';

const SORT: Record<string, (f: Flavor) => string | number> = {
  flavorid: (f) => f.id,
  name: (f) => f.name,
  memory_mb: (f) => f.ram,
  vcpus: (f) => f.vcpus,
  root_gb: (f) => f.disk,
  swap: (f) => f.swap,
  ephemeral_gb: (f) => f.ephemeral,
  created_at: (f) => f.id,
};

export function requireComputeAdmin(request: FastifyRequest, rule: string): void {
  if (!callerOf(request).isAdmin) throw forbidden(`Policy doesn't allow ${rule} to be performed.`);
}

/** Admins see public and private flavors unless `is_public` says otherwise; `None` means both. */
function isPublicFilter(raw: string | undefined, isAdmin: boolean): boolean | undefined {
  if (!isAdmin) return true;
  if (raw === undefined) return true;
  if (/^none$/i.test(raw)) return undefined;
  return !/^(0|f|false|off|n|no)$/i.test(raw);
}

export function registerFlavorRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const list = (detail: boolean) => async (request: FastifyRequest) => {
    const caller = callerOf(request);
    const version = microversionOf(request);
    const query = asQuery(request.query);
    const minRam = Number(queryOne(query, 'minRam') ?? 0);
    const minDisk = Number(queryOne(query, 'minDisk') ?? 0);
    const matching = pod.nova.flavors
      .list(caller.projectId, caller.isAdmin, isPublicFilter(queryOne(query, 'is_public'), caller.isAdmin))
      .filter((f) => f.ram >= minRam && f.disk >= minDisk);
    const sorted = sortItems(matching, parseSort(query, Object.keys(SORT), [{ key: 'flavorid', dir: 'asc' }]), (f, key) =>
      SORT[key]?.(f),
    );
    const page = paginate(sorted, parsePage(query, 1000), (marker) => badRequest(`marker [${marker}] not found`));
    const flavors = page.items.map((f) =>
      detail ? renderFlavorDetail(f, request, version) : renderFlavorSummary(f, request, version),
    );
    const last = page.items[page.items.length - 1];
    return page.full && last ? { flavors, flavors_links: [nextLink(request, last.id)] } : { flavors };
  };
  app.get('/flavors', list(false));
  app.get('/flavors/detail', list(true));

  app.get('/flavors/:id', async (request) => {
    const caller = callerOf(request);
    const flavor = pod.nova.flavors.visible(param(request, 'id'), caller.projectId, caller.isAdmin);
    return { flavor: renderFlavorDetail(flavor, request, microversionOf(request)) };
  });

  app.post('/flavors', async (request) => {
    requireComputeAdmin(request, 'os_compute_api:os-flavor-manage:create');
    const body = envelope(request.body, 'flavor');
    const version = microversionOf(request);
    const flavor = pod.nova.flavors.add({
      id: optionalString(body, 'id') ?? newUuid(),
      name: requiredString(body, 'name'),
      ram: optionalInt(body, 'ram', 1) ?? missing('ram'),
      vcpus: optionalInt(body, 'vcpus', 1) ?? missing('vcpus'),
      disk: optionalInt(body, 'disk', 0) ?? missing('disk'),
      ephemeral: optionalInt(body, 'OS-FLV-EXT-DATA:ephemeral', 0) ?? 0,
      swap: optionalInt(body, 'swap', 0) ?? 0,
      rxtxFactor: typeof body.rxtx_factor === 'number' ? body.rxtx_factor : 1,
      isPublic: optionalBool(body, 'os-flavor-access:is_public') ?? true,
      disabled: false,
      description: atLeast(version, '2.55') ? (optionalNullableString(body, 'description', 65535) ?? null) : null,
      extraSpecs: {},
      access: new Set(),
    });
    return { flavor: renderFlavorDetail(flavor, request, version) };
  });

  app.put('/flavors/:id', async (request) => {
    const version = microversionOf(request);
    if (!atLeast(version, '2.55')) throw notFound('The resource could not be found.');
    requireComputeAdmin(request, 'os_compute_api:os-flavor-manage:update');
    const flavor = pod.nova.flavors.visible(param(request, 'id'), '', true);
    flavor.description = optionalNullableString(envelope(request.body, 'flavor'), 'description', 65535) ?? null;
    return { flavor: renderFlavorDetail(flavor, request, version) };
  });

  app.delete('/flavors/:id', async (request, reply) => {
    requireComputeAdmin(request, 'os_compute_api:os-flavor-manage:delete');
    pod.nova.flavors.remove(param(request, 'id'));
    return reply.code(202).send();
  });
}

function missing(field: string): never {
  throw badRequest(`Invalid input for field/attribute flavor. Value: None. '${field}' is a required property`);
}
