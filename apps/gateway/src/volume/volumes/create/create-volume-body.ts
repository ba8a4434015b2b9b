import { DomainError } from '@podgate/kernel';
import type { VolumeResourceKind } from '@podgate/volumes';
import { type ApiVersion, atLeast } from '../../../api/microversion';
import { invalidInputDetail } from '../../../compute/validation/invalid-input-detail';
import { firstViolation } from '../../../compute/validation/nova-json-schema';
import { CREATE_FROM_BACKUP_VERSION, createVolumeSchema } from './create-volume.schemas';

type Json = Record<string, unknown>;

/** A volume create Cinder refuses before anything is created; Cinder's 400 in Cinder's words. */
export class InvalidCreateVolumeBodyError extends DomainError {
  readonly code = 'VOLUMES.INVALID_CREATE_BODY';
  readonly kind = 'badRequest';
}

/** The existing resource a new volume is made from: it must go to that resource's pod. */
export interface VolumeSource {
  readonly kind: VolumeResourceKind;
  readonly id: string;
}

export interface ValidCreateVolume {
  /** The body as Cinder validated it (names and descriptions stripped), to forward with the pod's AZ. */
  readonly body: Json & { volume: Json };
  /** The AZ named (podgate's name), null when none. */
  readonly availabilityZone: string | null;
  /** `volume_type` as given (a name or podgate's id), undefined when none or empty. */
  readonly volumeType?: string;
  /** snapshot_id, source_volid or (3.47+) backup_id, in Cinder's order of precedence. */
  readonly source?: VolumeSource;
}

const TRUE_WORDS = ['1', 't', 'true', 'on', 'y', 'yes'];
const NAME_FIELDS: readonly (readonly [string, string])[] = [
  ['name', 'name'],
  ['display_name', 'name'],
  ['description', 'description'],
  ['display_description', 'description'],
];

/**
 * POST /volumes's body checked as Cinder checks it (v3/volumes.py create): the microversion's
 * schema, the name and description formats (at most 255 characters once stripped), the removed
 * `multiattach` flag. What Cinder looks up (type, sources, AZ) is the caller's to do next.
 */
export function validateCreateVolumeBody(input: unknown, version: ApiVersion): ValidCreateVolume {
  const body = input === undefined || input === null || input === '' ? {} : input;
  const violation = firstViolation(createVolumeSchema(version), body);
  if (violation) throw new InvalidCreateVolumeBodyError(invalidInputDetail(violation));
  const volume = { ...((body as Json).volume as Json) };
  for (const [field, entity] of NAME_FIELDS) {
    const value = volume[field];
    if (typeof value !== 'string') continue;
    const stripped = value.trim();
    const length = [...stripped].length;
    if (length > 255)
      throw new InvalidCreateVolumeBodyError(`Invalid input received: ${entity} has ${length} characters, more than 255.`);
    volume[field] = stripped;
  }
  if (isTrue(volume.multiattach))
    throw new InvalidCreateVolumeBodyError(
      'multiattach parameter has been removed. The default behavior is to use multiattach enabled volume types. ' +
        'Contact your administrator to create a multiattach enabled volume type and use it to create multiattach volumes.',
    );
  const zone = volume.availability_zone;
  const type = volume.volume_type;
  return {
    body: { ...(body as Json), volume },
    availabilityZone: typeof zone === 'string' ? zone : null,
    ...(typeof type === 'string' && type !== '' ? { volumeType: type } : {}),
    ...sourceOf(volume, atLeast(version, CREATE_FROM_BACKUP_VERSION)),
  };
}

function sourceOf(volume: Json, fromBackup: boolean): { source?: VolumeSource } {
  const named = (field: string, kind: VolumeResourceKind) =>
    typeof volume[field] === 'string' && volume[field] !== '' ? { source: { kind, id: volume[field] as string } } : null;
  return (
    named('snapshot_id', 'snapshot') ??
    named('source_volid', 'volume') ??
    (fromBackup ? named('backup_id', 'backup') : null) ??
    {}
  );
}

/** utils.get_bool_param after the schema's enum: only the true words count. */
const isTrue = (value: unknown): boolean =>
  value === true || (typeof value === 'string' && TRUE_WORDS.includes(value.toLowerCase()));
