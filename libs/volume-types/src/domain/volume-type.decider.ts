import type { Decider } from '@podgate/kernel';
import { isSyncRecordNews, syncFailureRecord } from '@podgate/pod-sync';
import { DEFAULT_VOLUME_TYPE_ID } from './default-volume-type';
import type { VolumeTypeDefinition, VolumeTypeEvent } from './volume-type.events';
import {
  DefaultVolumeTypeDeletionError,
  InvalidVolumeTypeError,
  VolumeTypeAccessExistsError,
  VolumeTypeAccessNotFoundError,
  VolumeTypeExistsError,
  VolumeTypeExtraSpecNotFoundError,
  VolumeTypeNotFoundError,
  VolumeTypeSyncGenerationError,
} from './volume-type.errors';
import { evolveVolumeType, initialVolumeTypeState, type LiveVolumeType, type VolumeTypeState } from './volume-type.state';

export type VolumeTypeCommand =
  /** The handler has checked rm_volume_types for a live type of the same name and chosen the id. */
  | {
      readonly type: 'DefineVolumeType';
      readonly typeId: string;
      readonly definition: VolumeTypeDefinition;
      readonly extraSpecs: Readonly<Record<string, string>>;
    }
  /** Cinder's PUT: absent fields stay; the handler has checked a new name against rm_volume_types. */
  | { readonly type: 'UpdateVolumeType'; readonly typeId: string; readonly changes: Partial<VolumeTypeDefinition> }
  | { readonly type: 'DeleteVolumeType'; readonly typeId: string }
  | { readonly type: 'SetVolumeTypeExtraSpecs'; readonly typeId: string; readonly specs: Readonly<Record<string, string>> }
  | { readonly type: 'UnsetVolumeTypeExtraSpec'; readonly typeId: string; readonly key: string }
  | { readonly type: 'AddVolumeTypeAccess'; readonly typeId: string; readonly projectId: string }
  | { readonly type: 'RemoveVolumeTypeAccess'; readonly typeId: string; readonly projectId: string }
  /** From the reconciler: the pod holds `generation` under its id `podTypeId` (null: removed). */
  | {
      readonly type: 'RecordVolumeTypeSync';
      readonly typeId: string;
      readonly podId: string;
      readonly podTypeId: string | null;
      readonly generation: number;
    }
  | {
      readonly type: 'RecordVolumeTypeSyncFailure';
      readonly typeId: string;
      readonly podId: string;
      readonly generation: number;
      readonly status?: number;
      readonly message: string;
    };

const PUBLIC_ACCESS = 'Invalid volume type: Type access modification is not applicable to public volume type.';

/**
 * Pure. Admin commands follow Cinder: anything on a type that is not live is 404, access changes on
 * a public type are 400, a second grant 409. podgate's default type stays (no deletion, no rename).
 * Sync records are accepted on deleted types too, since removing a type from pods comes after.
 */
export function decideVolumeType(command: VolumeTypeCommand, state: VolumeTypeState): VolumeTypeEvent[] {
  const { typeId } = command;
  switch (command.type) {
    case 'DefineVolumeType':
      if (state.status === 'defined') throw new VolumeTypeExistsError(state.volumeType.definition.name);
      assertDefinition(command.definition);
      return [{ type: 'VolumeTypeDefined', data: { typeId, ...command.definition, extraSpecs: command.extraSpecs } }];
    case 'UpdateVolumeType':
      return update(live(state, typeId), command.changes);
    case 'DeleteVolumeType':
      live(state, typeId);
      if (typeId === DEFAULT_VOLUME_TYPE_ID) throw new DefaultVolumeTypeDeletionError(typeId);
      return [{ type: 'VolumeTypeDeleted', data: { typeId } }];
    case 'SetVolumeTypeExtraSpecs': {
      const { extraSpecs } = live(state, typeId);
      const changed = Object.entries(command.specs).filter(([k, v]) => !Object.hasOwn(extraSpecs, k) || extraSpecs[k] !== v);
      return changed.length === 0
        ? []
        : [{ type: 'VolumeTypeExtraSpecsSet', data: { typeId, specs: Object.fromEntries(changed) } }];
    }
    case 'UnsetVolumeTypeExtraSpec':
      if (!Object.hasOwn(live(state, typeId).extraSpecs, command.key)) {
        throw new VolumeTypeExtraSpecNotFoundError(typeId, command.key);
      }
      return [{ type: 'VolumeTypeExtraSpecUnset', data: { typeId, key: command.key } }];
    case 'AddVolumeTypeAccess': {
      const projects = privateProjects(live(state, typeId));
      if (projects.includes(command.projectId)) throw new VolumeTypeAccessExistsError(typeId, command.projectId);
      return [{ type: 'VolumeTypeAccessAdded', data: { typeId, projectId: command.projectId } }];
    }
    case 'RemoveVolumeTypeAccess':
      if (!privateProjects(live(state, typeId)).includes(command.projectId)) {
        throw VolumeTypeAccessNotFoundError.of(typeId, command.projectId);
      }
      return [{ type: 'VolumeTypeAccessRemoved', data: { typeId, projectId: command.projectId } }];
    case 'RecordVolumeTypeSync': {
      const { podId, podTypeId, generation } = command;
      if (!isNews(state, typeId, podId, generation)) return [];
      return [{ type: 'VolumeTypeSyncedToPod', data: { typeId, podId, podTypeId, generation } }];
    }
    case 'RecordVolumeTypeSyncFailure': {
      const { podId, generation } = command;
      if (!isNews(state, typeId, podId, generation)) return [];
      const failure = syncFailureRecord(command, (message) => new InvalidVolumeTypeError(message));
      return [{ type: 'VolumeTypeSyncFailed', data: { typeId, podId, generation, ...failure } }];
    }
    default:
      return unreachable(command);
  }
}

export const volumeTypeDecider: Decider<VolumeTypeCommand, VolumeTypeEvent, VolumeTypeState> = {
  decide: decideVolumeType,
  evolve: evolveVolumeType,
  initialState: initialVolumeTypeState,
};

/** Only the fields that change; none: nothing recorded. The default type keeps its name. */
function update(volumeType: LiveVolumeType, changes: Partial<VolumeTypeDefinition>): VolumeTypeEvent[] {
  const current = volumeType.definition;
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => value !== undefined && current[key as keyof VolumeTypeDefinition] !== value),
  ) as Partial<VolumeTypeDefinition>;
  if (changed.name !== undefined && volumeType.typeId === DEFAULT_VOLUME_TYPE_ID) {
    throw new InvalidVolumeTypeError(`Invalid volume type: the default volume type ${current.name} cannot be renamed.`);
  }
  assertDefinition({ ...current, ...changed });
  return Object.keys(changed).length === 0
    ? []
    : [{ type: 'VolumeTypeUpdated', data: { typeId: volumeType.typeId, ...changed } }];
}

/** The last line behind the HTTP schemas: a name Cinder would refuse never enters the log. */
function assertDefinition({ name, description }: VolumeTypeDefinition): void {
  if (name.trim().length === 0 || name.length > 255) throw new InvalidVolumeTypeError('Volume type name can not be empty.');
  if (description !== null && description.length > 255) {
    throw new InvalidVolumeTypeError('Invalid input for field/attribute description. Value is too long.');
  }
}

function privateProjects(volumeType: LiveVolumeType): readonly string[] {
  if (volumeType.definition.isPublic) throw new InvalidVolumeTypeError(PUBLIC_ACCESS);
  return volumeType.projects;
}

function live(state: VolumeTypeState, typeId: string): LiveVolumeType {
  if (state.status !== 'defined') throw new VolumeTypeNotFoundError(typeId);
  return state.volumeType;
}

function isNews(state: VolumeTypeState, typeId: string, podId: string, generation: number): boolean {
  if (state.status === 'undefined') throw new VolumeTypeNotFoundError(typeId);
  return isSyncRecordNews(
    state,
    podId,
    generation,
    () => new VolumeTypeSyncGenerationError(typeId, generation, state.generation),
  );
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
