import type { DomainError } from '@podgate/kernel';
import type { SqlExecutor } from '@podgate/sql';
import {
  findVolumeTypeForCreate,
  VolumeTypeNameNotFoundError,
  VolumeTypeNotFoundError,
  type VolumeTypeForCreate,
} from '@podgate/volume-types';
import { isUuidLike } from '../../compute/validation/nova-formats';

/**
 * Cinder's 404 for a type a volume call names and nobody defined (volume_types.get_by_name_or_id):
 * a uuid-like reference is reported as an id, anything else as a name.
 */
export function volumeTypeNotFound(nameOrId: string): DomainError {
  return isUuidLike(nameOrId) ? new VolumeTypeNotFoundError(nameOrId) : new VolumeTypeNameNotFoundError(nameOrId);
}

/**
 * The type a volume call names (podgate's id or the name), as podgate defined it: the pods know it
 * by name only, their ids differ from podgate's. Cinder's 404 when there is none for `isAdmin`/`projectId`.
 */
export async function namedVolumeType(
  sql: SqlExecutor,
  nameOrId: string,
  projectId: string,
  isAdmin: boolean,
): Promise<VolumeTypeForCreate> {
  const type = await findVolumeTypeForCreate(sql, nameOrId, projectId, isAdmin);
  if (!type) throw volumeTypeNotFound(nameOrId);
  return type;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An os-retype body with `new_type` as the pod knows it (the name). Cinder resolves it with an
 * elevated context (volume/api.py retype: get_by_name_or_id(context.elevated(), ...)), so any
 * defined type is found, private ones included, as in Cinder. A body without a string `new_type`
 * goes as it is: the pod refuses it in its schema's words.
 */
export async function retypeBodyForPod(sql: SqlExecutor, body: unknown, projectId: string): Promise<unknown> {
  const args = isRecord(body) ? body['os-retype'] : undefined;
  if (!isRecord(args) || typeof args.new_type !== 'string') return body;
  const type = await namedVolumeType(sql, args.new_type, projectId, true);
  return { ...(body as Json), 'os-retype': { ...args, new_type: type.name } };
}
