// Test helper for the system tier (*.system-spec.ts): Tempest's response schemas for the flavor and
// availability-zone APIs, loaded from Debian python3-tempest by /usr/bin/python3. Never import it from a
// spec that `npm test` runs: that tier needs no system package.
import { execFileSync } from 'node:child_process';
import {
  loadTempestSchemas,
  type TempestSchema,
  tempestProblems,
} from '../../../../../../test/openstack/fidelity/tempest-schemas';

const CLIENT = 'compute/flavors_client:FlavorsClient';

/** `list_flavors`, `list_flavors_details`, `create_update_get_flavor_details` as Tempest's client picks them per version. */
export function flavorSchemas(versions: readonly string[]): (name: string, version: string) => TempestSchema {
  const names = ['list_flavors', 'list_flavors_details', 'create_update_get_flavor_details'].flatMap((name) =>
    versions.map((version) => `${CLIENT}:${name}@${version}`),
  );
  const schemas = loadTempestSchemas(names);
  return (name, version) => schemas[`${CLIENT}:${name}@${version}`];
}

/** The v2.1 extra specs, access and AZ schemas, which Tempest does not version. */
export function unversionedSchemas(): Record<string, TempestSchema> {
  const script = `
import json
from tempest.lib.api_schema.response.compute.v2_1 import flavors_extra_specs as e, flavors_access as a, availability_zone as z
print(json.dumps({
  'extra_specs': e.set_get_flavor_extra_specs, 'extra_spec_key': e.set_get_flavor_extra_specs_key,
  'unset_extra_spec': e.unset_flavor_extra_specs, 'access': a.add_remove_list_flavor_access,
  'delete_flavor': __import__('tempest.lib.api_schema.response.compute.v2_1.flavors', fromlist=['x']).delete_flavor,
  'zones': z.list_availability_zone_list, 'zones_detail': z.list_availability_zone_list_detail}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' })) as Record<string, TempestSchema>;
}

/** Fails with every problem listed, so a mismatch says what Tempest would say. */
export function expectTempestValid(schema: TempestSchema, status: number, body: unknown): void {
  const problems = tempestProblems(schema, status, body);
  if (problems.length > 0) throw new Error(`not what Tempest accepts: ${problems.join('; ')}\n${JSON.stringify(body)}`);
}
