import type { VolumeResourceKind } from '../../domain/volume-resource';

/** The new resource's id in Cinder's 202 to a create: `body[kind].id` (`{"volume": {"id": ...}}`). */
export const createdIdIn =
  (kind: VolumeResourceKind) =>
  (body: unknown): string | undefined => {
    const inner = isRecord(body) ? body[kind] : undefined;
    const id = isRecord(inner) ? inner['id'] : undefined;
    return typeof id === 'string' && id.length > 0 ? id : undefined;
  };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
