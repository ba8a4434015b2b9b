/**
 * What of a Nova create body may be recorded on ServerProvisioningRequested: its shape, for audits
 * and for debugging a placement, and nothing a secret could hide in.
 *
 * SECURITY: allow-listed, never copied-and-stripped, so a field Nova adds later stays out until
 * someone decides it is safe. Never recorded: `user_data` and `personality` contents (cloud-init
 * scripts and injected files routinely carry passwords, keys and tokens), `adminPass`, metadata
 * values, scheduler hint values and fixed IPs. Only their presence or count is kept.
 */
export interface ServerRequestSummary {
  readonly minCount: number;
  readonly maxCount: number;
  /** `auto` / `none` (microversion 2.37+), `list` (explicit NICs), `unspecified`. */
  readonly networks: 'auto' | 'none' | 'list' | 'unspecified';
  readonly networkCount: number;
  readonly keyName: string | null;
  readonly securityGroups: readonly string[];
  readonly blockDeviceMappings: number;
  readonly configDrive: boolean;
  readonly metadataKeys: readonly string[];
  readonly tags: readonly string[];
  readonly schedulerHintKeys: readonly string[];
  readonly hasUserData: boolean;
  readonly hasAdminPass: boolean;
  readonly personalityFiles: number;
}

/**
 * The summary of an already validated body (`{"server": {...}}` or its inner object) and its
 * `os:scheduler_hints`. Tolerant of odd input: validation is the controller's job, this never throws.
 */
export function summarizeServerRequest(
  server: Readonly<Record<string, unknown>>,
  schedulerHints?: unknown,
): ServerRequestSummary {
  const networks = server['networks'];
  const bdms = server['block_device_mapping_v2'] ?? server['block_device_mapping'];
  return {
    minCount: positiveInt(server['min_count'], 1),
    maxCount: positiveInt(server['max_count'], positiveInt(server['min_count'], 1)),
    networks: networks === 'auto' || networks === 'none' ? networks : Array.isArray(networks) ? 'list' : 'unspecified',
    networkCount: Array.isArray(networks) ? networks.length : 0,
    keyName: typeof server['key_name'] === 'string' ? server['key_name'] : null,
    securityGroups: arrayOf(server['security_groups'])
      .map((group) => (isRecord(group) && typeof group['name'] === 'string' ? group['name'] : null))
      .filter((name): name is string => name !== null),
    blockDeviceMappings: arrayOf(bdms).length,
    configDrive: server['config_drive'] === true || server['config_drive'] === 'true',
    metadataKeys: isRecord(server['metadata']) ? Object.keys(server['metadata']).sort() : [],
    tags: arrayOf(server['tags']).filter((tag): tag is string => typeof tag === 'string'),
    schedulerHintKeys: isRecord(schedulerHints) ? Object.keys(schedulerHints).sort() : [],
    hasUserData: present(server['user_data']),
    hasAdminPass: present(server['adminPass']),
    personalityFiles: arrayOf(server['personality']).length,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const arrayOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

function positiveInt(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : fallback;
}
