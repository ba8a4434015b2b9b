/** The admin API's policy rules (/v1.0) and their defaults; a policy file may override any of them. */
export const ADMIN_POLICY_RULES = [
  'admin:pods:list',
  'admin:pods:show',
  'admin:pods:register',
  'admin:pods:update',
  'admin:pods:deregister',
  'admin:bindings:list',
  'admin:bindings:show',
  'admin:bindings:create',
  'admin:bindings:end',
  'admin:routings:list',
  'admin:routings:show',
  'admin:audit:list',
  'admin:audit:export',
] as const;

export type AdminPolicyRule = (typeof ADMIN_POLICY_RULES)[number];

export const ADMIN_POLICY_DEFAULTS: Readonly<Record<AdminPolicyRule, string>> = Object.freeze(
  Object.fromEntries(ADMIN_POLICY_RULES.map((rule) => [rule, 'role:admin'])) as Record<AdminPolicyRule, string>,
);
