/**
 * The volume API's policy rules and their defaults; a policy file may override any of them.
 * Version discovery (`/volume/`, `/volume/v3/`) has no rule: it is `@Public()`, as Cinder's is.
 * `volume:volumes` (volumes, snapshots, backups, attachments) lets every authenticated caller through
 * because the pod enforces Cinder's own policy with the caller's token.
 */
export const VOLUME_POLICY_DEFAULTS = Object.freeze({
  'volume:volumes': '@',
  'volume:all_tenants': 'role:admin',
  'volume:types:read': '@',
  'volume:types:manage': 'role:admin',
} as const satisfies Record<string, string>);

export type VolumePolicyRule = keyof typeof VOLUME_POLICY_DEFAULTS;
