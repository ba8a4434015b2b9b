// Flavor views of the simulated Nova, per microversion.
import type { FastifyRequest } from 'fastify';
import { ApiVersion, atLeast } from '../http/microversion';
import { Flavor } from './flavor-store';
import { computeLinks } from './links';

export function renderFlavorSummary(f: Flavor, request: FastifyRequest, version: ApiVersion): Record<string, unknown> {
  const view: Record<string, unknown> = { id: f.id, links: computeLinks(request, `/flavors/${f.id}`), name: f.name };
  if (atLeast(version, '2.55')) view.description = f.description;
  return view;
}

export function renderFlavorDetail(f: Flavor, request: FastifyRequest, version: ApiVersion): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: f.id,
    name: f.name,
    ram: f.ram,
    disk: f.disk,
    vcpus: f.vcpus,
    // Nova printed a missing swap as "" until 2.75 made it 0.
    swap: f.swap === 0 && !atLeast(version, '2.75') ? '' : f.swap,
    'OS-FLV-EXT-DATA:ephemeral': f.ephemeral,
    'OS-FLV-DISABLED:disabled': f.disabled,
    'os-flavor-access:is_public': f.isPublic,
    rxtx_factor: f.rxtxFactor,
    links: computeLinks(request, `/flavors/${f.id}`),
  };
  if (atLeast(version, '2.55')) view.description = f.description;
  if (atLeast(version, '2.61')) view.extra_specs = { ...f.extraSpecs };
  return view;
}
