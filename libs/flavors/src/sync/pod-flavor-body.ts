import type { FlavorDefinition } from '../domain/flavor.events';
import type { LiveFlavor } from '../domain/flavor.state';

/** A flavor as Nova shows it at microversion 2.55 (only what podgate compares). */
export interface PodFlavorBody {
  readonly name?: unknown;
  readonly ram?: unknown;
  readonly vcpus?: unknown;
  readonly disk?: unknown;
  readonly swap?: unknown;
  readonly rxtx_factor?: unknown;
  readonly description?: unknown;
  readonly 'OS-FLV-EXT-DATA:ephemeral'?: unknown;
  readonly 'os-flavor-access:is_public'?: unknown;
}

/** POST /flavors at 2.55: podgate's id, so a server's `flavor.id` means the same flavor in every pod. */
export function podFlavorBody(flavor: LiveFlavor): Record<string, unknown> {
  const d = flavor.definition;
  return {
    id: flavor.flavorId,
    name: d.name,
    ram: d.ram,
    vcpus: d.vcpus,
    disk: d.disk,
    'OS-FLV-EXT-DATA:ephemeral': d.ephemeral,
    swap: d.swap,
    rxtx_factor: d.rxtxFactor,
    'os-flavor-access:is_public': d.isPublic,
    ...(d.description === null ? {} : { description: d.description }),
  };
}

/**
 * What differs between the pod's flavor and podgate's: 'definition' (must be replaced), only
 * 'description' (updated in place), or nothing. Below 2.75 Nova shows swap 0 as "" and an absent
 * rxtx_factor as "", so both read as numbers first.
 */
export function podDefinitionDiffers(
  held: PodFlavorBody | undefined,
  wanted: FlavorDefinition,
): 'definition' | 'description' | null {
  if (!held) return 'definition';
  const number = (value: unknown): number => (value === '' || value === null || value === undefined ? 0 : Number(value));
  const same =
    held.name === wanted.name &&
    number(held.ram) === wanted.ram &&
    number(held.vcpus) === wanted.vcpus &&
    number(held.disk) === wanted.disk &&
    number(held['OS-FLV-EXT-DATA:ephemeral']) === wanted.ephemeral &&
    number(held.swap) === wanted.swap &&
    number(held.rxtx_factor) === wanted.rxtxFactor &&
    held['os-flavor-access:is_public'] === wanted.isPublic;
  if (!same) return 'definition';
  return (held.description ?? null) === wanted.description ? null : 'description';
}
