import { foldEvents } from '@podgate/kernel';
import { DEFAULT_VOLUME_TYPE_ID } from './default-volume-type';
import { type VolumeTypeCommand, volumeTypeDecider } from './volume-type.decider';
import { VOLUME_TYPE_EVENT_DEFINITIONS } from './volume-type.event-definitions';
import { VOLUME_TYPE_EVENT_TYPES, type VolumeTypeEvent } from './volume-type.events';

const defined = (typeId = 't1', isPublic = true): VolumeTypeEvent => ({
  type: 'VolumeTypeDefined',
  data: { typeId, name: 'gold', description: null, isPublic, extraSpecs: { a: '1' } },
});
const given = (...events: VolumeTypeEvent[]) => ({
  when: (command: VolumeTypeCommand) => () => volumeTypeDecider.decide(command, foldEvents(volumeTypeDecider, events)),
});
const state = (...events: VolumeTypeEvent[]) => foldEvents(volumeTypeDecider, events);

describe('volume type decider', () => {
  it('defines a type once; a second definition of a live id is 409', () => {
    const command = {
      type: 'DefineVolumeType',
      typeId: 't1',
      definition: { name: 'gold', description: null, isPublic: true },
      extraSpecs: { a: '1' },
    } as const;
    expect(given().when(command)()).toEqual([defined()]);
    expect(given(defined()).when(command)).toThrow('Volume Type gold already exists.');
    expect(given().when({ ...command, definition: { ...command.definition, name: ' ' } })).toThrow(
      'Volume type name can not be empty.',
    );
  });

  it('records only the fields an update changes, and nothing for no change', () => {
    expect(
      given(defined()).when({ type: 'UpdateVolumeType', typeId: 't1', changes: { name: 'gold', description: 'd' } })(),
    ).toEqual([{ type: 'VolumeTypeUpdated', data: { typeId: 't1', description: 'd' } }]);
    expect(given(defined()).when({ type: 'UpdateVolumeType', typeId: 't1', changes: { isPublic: true } })()).toEqual([]);
    expect(given().when({ type: 'UpdateVolumeType', typeId: 't1', changes: { name: 'x' } })).toThrow(
      'Volume type t1 could not be found.',
    );
  });

  it('keeps the default type: no deletion, no rename', () => {
    const dflt = defined(DEFAULT_VOLUME_TYPE_ID);
    expect(given(dflt).when({ type: 'DeleteVolumeType', typeId: DEFAULT_VOLUME_TYPE_ID })).toThrow(
      'is a default volume type and cannot be deleted',
    );
    expect(given(dflt).when({ type: 'UpdateVolumeType', typeId: DEFAULT_VOLUME_TYPE_ID, changes: { name: 'other' } })).toThrow(
      'cannot be renamed',
    );
    expect(
      given(dflt).when({ type: 'UpdateVolumeType', typeId: DEFAULT_VOLUME_TYPE_ID, changes: { description: 'x' } })(),
    ).toHaveLength(1);
  });

  it('sets only changed extra specs; unsetting a missing key is 404', () => {
    expect(given(defined()).when({ type: 'SetVolumeTypeExtraSpecs', typeId: 't1', specs: { a: '1', b: '2' } })()).toEqual([
      { type: 'VolumeTypeExtraSpecsSet', data: { typeId: 't1', specs: { b: '2' } } },
    ]);
    expect(given(defined()).when({ type: 'UnsetVolumeTypeExtraSpec', typeId: 't1', key: 'z' })).toThrow(
      'Volume Type t1 has no extra specs with key z.',
    );
  });

  it('changes access on private types only, in Cinder’s words', () => {
    const add = { type: 'AddVolumeTypeAccess', typeId: 't1', projectId: 'p' } as const;
    expect(given(defined()).when(add)).toThrow('Type access modification is not applicable to public volume type.');
    const granted: VolumeTypeEvent = { type: 'VolumeTypeAccessAdded', data: { typeId: 't1', projectId: 'p' } };
    expect(given(defined('t1', false)).when(add)()).toEqual([granted]);
    expect(given(defined('t1', false), granted).when(add)).toThrow('Volume type access for t1 / p combination already exists.');
    expect(given(defined('t1', false)).when({ ...add, type: 'RemoveVolumeTypeAccess' })).toThrow(
      'Volume type access not found for t1 / p combination.',
    );
  });

  it('records each pod’s own id with its sync, once per generation, and forgets it when removed', () => {
    const synced: VolumeTypeEvent = {
      type: 'VolumeTypeSyncedToPod',
      data: { typeId: 't1', podId: 'a', podTypeId: 'pa', generation: 1 },
    };
    const record = { type: 'RecordVolumeTypeSync', typeId: 't1', podId: 'a', podTypeId: 'pa', generation: 1 } as const;
    expect(given(defined()).when(record)()).toEqual([synced]);
    expect(given(defined(), synced).when(record)()).toEqual([]);
    expect(given(defined()).when({ ...record, generation: 2 })).toThrow('has no generation 2');
    expect(state(defined(), synced).podTypeIds).toEqual(new Map([['a', 'pa']]));
    const deleted: VolumeTypeEvent = { type: 'VolumeTypeDeleted', data: { typeId: 't1' } };
    const removed: VolumeTypeEvent = {
      type: 'VolumeTypeSyncedToPod',
      data: { typeId: 't1', podId: 'a', podTypeId: null, generation: 2 },
    };
    expect(state(defined(), synced, deleted, removed).podTypeIds).toEqual(new Map());
    const failure = {
      type: 'RecordVolumeTypeSyncFailure',
      typeId: 't1',
      podId: 'b',
      generation: 1,
      status: 503,
      message: 'x'.repeat(600),
    } as const;
    const [failed] = given(defined()).when(failure)();
    expect(failed).toMatchObject({ type: 'VolumeTypeSyncFailed', data: { podId: 'b', status: 503 } });
    expect((failed.data as { message: string }).message).toHaveLength(500);
  });

  it('has one parser per event type, which refuses bad data', () => {
    expect(VOLUME_TYPE_EVENT_DEFINITIONS.map((d) => d.type)).toEqual(VOLUME_TYPE_EVENT_TYPES);
    const parse = (type: string, data: unknown) => VOLUME_TYPE_EVENT_DEFINITIONS.find((d) => d.type === type)!.parse(data);
    expect(parse('VolumeTypeUpdated', { typeId: 't', name: 'n' })).toEqual({ typeId: 't', name: 'n' });
    expect(() => parse('VolumeTypeSyncedToPod', { typeId: 't', podId: 'p', generation: 1 })).toThrow();
  });
});
