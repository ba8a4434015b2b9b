/**
 * What of a Cinder create body (a volume, snapshot or backup, or a backup restore) may be recorded
 * on `<Kind>ProvisioningRequested`: its shape, for audits and for debugging a placement.
 *
 * SECURITY: allow-listed, never copied-and-stripped, so a field Cinder adds later stays out until
 * someone decides it is safe. Never recorded: descriptions (free text), metadata values, scheduler
 * hints, anything else. Only the name, the size, the volume type's name or id, the ids of the sources
 * and the metadata keys are kept.
 */
export interface VolumeRequestSummary {
  readonly name: string | null;
  readonly size: number | null;
  readonly volumeType: string | null;
  readonly sources: VolumeRequestSources;
  readonly metadataKeys: readonly string[];
  /** The boolean options asked for (`force`, `incremental`, `multiattach`), sorted. */
  readonly flags: readonly string[];
}

/** The ids a create starts from, under Cinder's own keys (`imageRef` recorded as `image_id`). */
export const SOURCE_KEYS = ['volume_id', 'snapshot_id', 'source_volid', 'backup_id', 'image_id', 'group_id'] as const;
export type VolumeRequestSources = { readonly [key in (typeof SOURCE_KEYS)[number]]?: string };

export const FLAG_KEYS = ['force', 'incremental', 'multiattach'] as const;

/** The envelopes a create body comes in: `{"volume": {...}}`, `{"snapshot": ...}`, `{"backup": ...}`, `{"restore": ...}`. */
const ENVELOPES = ['volume', 'snapshot', 'backup', 'restore'];

/** Tolerant of odd input: validation is the gateway's job, this never throws. */
export function summarizeVolumeRequest(body: unknown): VolumeRequestSummary {
  const inner = envelopeOf(body);
  const sources: Record<string, string> = {};
  for (const key of SOURCE_KEYS) {
    const value = key === 'image_id' ? (inner['imageRef'] ?? inner['image_id']) : inner[key];
    if (typeof value === 'string' && value !== '') sources[key] = value;
  }
  const size = inner['size'];
  const volumeType = inner['volume_type'];
  return {
    name: typeof inner['name'] === 'string' ? inner['name'] : null,
    size:
      typeof size === 'number' && Number.isInteger(size)
        ? size
        : typeof size === 'string' && /^\d+$/.test(size)
          ? Number(size)
          : null,
    volumeType: typeof volumeType === 'string' && volumeType !== '' ? volumeType : null,
    sources,
    metadataKeys: isRecord(inner['metadata']) ? Object.keys(inner['metadata']).sort() : [],
    flags: FLAG_KEYS.filter((key) => inner[key] === true || inner[key] === 'true' || inner[key] === 'True'),
  };
}

function envelopeOf(body: unknown): Readonly<Record<string, unknown>> {
  if (!isRecord(body)) return {};
  const key = ENVELOPES.find((name) => isRecord(body[name]));
  return key ? (body[key] as Record<string, unknown>) : {};
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
