import { InvalidFlavorError } from './flavor.errors';
import type { FlavorDefinition } from './flavor.events';

/**
 * Nova's rules for flavors, as facts (nova/api/openstack/compute/schemas/flavor_manage.py,
 * flavors_extraspecs.py, flavor_access.py, nova/api/validation/parameter_types.py,
 * nova/compute/flavors.py, nova/db/constants.py). The controller validates bodies first and in
 * Nova's exact wording; these guards keep a bad definition out of the log whatever the caller.
 */
export const MAX_INT = 0x7fffffff;
export const SQL_SP_FLOAT_MAX = 3.40282e38;
export const MAX_DESCRIPTION_LENGTH = 65535;
export const MAX_TEXT = 255;

/**
 * The extra spec podgate's scheduler reads: its value is matched exactly against the `affinity_tag`
 * of pods (no spec: pods without a tag). Namespaced on purpose: Nova's AggregateInstanceExtraSpecs
 * and ComputeCapabilities filters read only unscoped keys or their own scope, and extra spec
 * validation (2.86+) lets an unregistered namespace through, so pods accept the key and ignore it.
 */
export const AFFINITY_EXTRA_SPEC = 'podgate:affinity_tag';

/** `^(?! )[a-zA-Z0-9. _-]+(?<! )$`, 1..255; a number id arrives as its string. */
const FLAVOR_ID = /^(?! )[a-zA-Z0-9. _-]{1,255}(?<! )$/;
/** Extra spec keys (parameter_types.metadata's pattern property). */
const EXTRA_SPEC_KEY = /^[a-zA-Z0-9-_:. ]{1,255}$/;
/**
 * Nova's "printable": Unicode category not C (control, format, surrogate, unassigned, private use)
 * and, among separators, only Zs. Nova builds its ranges over U+0000..U+FFFE only, so characters
 * beyond the BMP (emoji) are refused too.
 */
const PRINTABLE = /^[^\p{C}\p{Zl}\p{Zp}\u{10000}-\u{10FFFF}\uFFFF]*$/u;
const SPACE_AT_ENDS = /^[\p{Z}]|[\p{Z}]$/u;

export function assertFlavorId(flavorId: string): void {
  if (!FLAVOR_ID.test(flavorId)) {
    throw invalid('id', flavorId, `'${flavorId}' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'`);
  }
}

export function assertFlavorDefinition(definition: FlavorDefinition): void {
  assertFlavorName(definition.name);
  assertInteger('ram', definition.ram, 1);
  assertInteger('vcpus', definition.vcpus, 1);
  assertInteger('disk', definition.disk, 0);
  assertInteger('OS-FLV-EXT-DATA:ephemeral', definition.ephemeral, 0);
  assertInteger('swap', definition.swap, 0);
  const rxtx = definition.rxtxFactor;
  if (!(Number.isFinite(rxtx) && rxtx > 0 && rxtx <= SQL_SP_FLOAT_MAX)) {
    throw new InvalidFlavorError(`'rxtx_factor' argument must be a float between 0 and ${SQL_SP_FLOAT_MAX}`);
  }
  const { description } = definition;
  if (description !== null) {
    if (description.length > MAX_DESCRIPTION_LENGTH || !PRINTABLE.test(description)) {
      throw invalid('description', description, `is not printable text of at most ${MAX_DESCRIPTION_LENGTH} characters`);
    }
  }
}

/** Nova's `name` format: 1..255 printable characters, not starting or ending with whitespace. */
export function assertFlavorName(name: string): void {
  if (name.length < 1 || name.length > MAX_TEXT) {
    throw invalid('name', name, `'${name}' must be 1 to ${MAX_TEXT} characters long`);
  }
  if (!PRINTABLE.test(name) || SPACE_AT_ENDS.test(name)) {
    throw new InvalidFlavorError(
      "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
    );
  }
}

/**
 * Keys: 1..255 of `[a-zA-Z0-9-_:. ]`; values: strings of at most 255 (Nova stringifies numbers).
 * Nova 2.86+ also validates its own namespaces (`hw:`, `trait:`, ...) per pod release; podgate
 * does not, so a value a pod refuses surfaces as FlavorSyncFailed for that pod.
 */
export function assertExtraSpecs(specs: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(specs)) {
    if (!EXTRA_SPEC_KEY.test(key)) {
      throw new InvalidFlavorError(`Additional properties are not allowed ('${key}' was unexpected)`);
    }
    if (typeof value !== 'string' || value.length > MAX_TEXT) {
      throw invalid(key, value, `is not a string of at most ${MAX_TEXT} characters`);
    }
    if (key === AFFINITY_EXTRA_SPEC && value.trim() === '') {
      // A pod's tag is null or a non-empty tag; a blank spec would match no pod ever.
      throw invalid(key, value, 'must be a non-empty affinity tag; delete the extra spec for no affinity');
    }
  }
}

/** flavor_access.py: the tenant is 1..255 characters (Nova also asks Keystone; the handler does that). */
export function assertProjectId(projectId: string): void {
  if (projectId.length < 1 || projectId.length > MAX_TEXT) {
    throw invalid('tenant', projectId, `must be 1 to ${MAX_TEXT} characters long`);
  }
}

/** The tag the scheduler matches against pods' `affinity_tag`; null when the flavor has none. */
export const affinityTagOf = (extraSpecs: Readonly<Record<string, string>>): string | null =>
  Object.hasOwn(extraSpecs, AFFINITY_EXTRA_SPEC) ? extraSpecs[AFFINITY_EXTRA_SPEC] : null;

function assertInteger(field: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum || value > MAX_INT) {
    throw invalid(field, value, `must be an integer from ${minimum} to ${MAX_INT}`);
  }
}

const invalid = (field: string, value: unknown, why: string): InvalidFlavorError =>
  new InvalidFlavorError(`Invalid input for field/attribute ${field}. Value: ${String(value)}. ${why}`);
