/**
 * The compute API's policy rules and their defaults; a policy file may override any of them.
 * Version discovery (`/compute/`, `/compute/v2.1`) has no rule: it is `@Public()`, as Nova's is;
 * `compute:versions:show` is the authenticated copy inside the API (`/compute/v2.1/versions/v2.1`,
 * `/compute/v2.1/<project_id>/`), which Nova serves to any caller with a token. `compute:servers`
 * lets every authenticated caller through because the pod enforces Nova's own policy with the
 * caller's token.
 */
export const COMPUTE_POLICY_DEFAULTS = Object.freeze({
  'compute:versions:show': '@',
  'compute:servers': '@',
  'compute:servers:all_tenants': 'role:admin',
  'compute:flavors:read': '@',
  'compute:flavors:manage': 'role:admin',
  'compute:availability_zones:list': '@',
  'compute:availability_zones:detail': 'role:admin',
} as const satisfies Record<string, string>);

export type ComputePolicyRule = keyof typeof COMPUTE_POLICY_DEFAULTS;
