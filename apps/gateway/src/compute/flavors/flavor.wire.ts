import type { FlavorView } from '@podgate/flavors';
import { type ApiVersion, atLeast } from '../../api/microversion';
import { type ApiLinkBase, resourceLinks } from '../../api/links';

/** Nova's FLAVOR_DESCRIPTION_MICROVERSION and FLAVOR_EXTRA_SPECS_MICROVERSION (views/flavors.py). */
export const DESCRIPTION_VERSION = '2.55';
export const EXTRA_SPECS_VERSION = '2.61';
/** From 2.75 swap 0 is shown as 0 instead of "" and unknown list query parameters are refused. */
export const STRICT_VERSION = '2.75';

/** GET /flavors: id, name, links (+ description from 2.55), in Nova's key order. */
export function flavorSummaryWire(flavor: FlavorView, version: ApiVersion, links: ApiLinkBase) {
  return {
    id: flavor.flavorId,
    name: flavor.name,
    links: resourceLinks(links, 'flavors', flavor.flavorId),
    ...(atLeast(version, DESCRIPTION_VERSION) ? { description: flavor.description } : {}),
  };
}

export interface FlavorDetailOptions {
  /** Nova shows the description on list/show from 2.55, and always on the 2.55+ update answer. */
  readonly description?: boolean;
  /** Nova shows extra specs from 2.61 to callers its `os-flavor-extra-specs:index` policy lets in (reader or admin: everyone here). */
  readonly extraSpecs?: boolean;
}

/** GET /flavors/detail and /flavors/{id}, POST and PUT answers: Nova's show view, key for key. */
export function flavorDetailWire(flavor: FlavorView, version: ApiVersion, links: ApiLinkBase, options: FlavorDetailOptions = {}) {
  const description = options.description ?? atLeast(version, DESCRIPTION_VERSION);
  const extraSpecs = options.extraSpecs ?? atLeast(version, EXTRA_SPECS_VERSION);
  return {
    id: flavor.flavorId,
    name: flavor.name,
    ram: flavor.ram,
    disk: flavor.disk,
    // Nova: `flavor["swap"] or ""`, and from 2.75 `or 0`
    swap: flavor.swap || (atLeast(version, STRICT_VERSION) ? 0 : ''),
    'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeral,
    'OS-FLV-DISABLED:disabled': false,
    vcpus: flavor.vcpus,
    'os-flavor-access:is_public': flavor.isPublic,
    rxtx_factor: flavor.rxtxFactor,
    links: resourceLinks(links, 'flavors', flavor.flavorId),
    ...(description ? { description: flavor.description } : {}),
    ...(extraSpecs ? { extra_specs: { ...flavor.extraSpecs } } : {}),
  };
}

/** os-flavor-access and the addTenantAccess/removeTenantAccess answers. */
export const flavorAccessWire = (flavorId: string, projects: readonly string[]) => ({
  flavor_access: projects.map((tenant) => ({ flavor_id: flavorId, tenant_id: tenant })),
});
