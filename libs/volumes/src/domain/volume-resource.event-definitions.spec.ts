import { VOLUME_RESOURCE_EVENT_DEFINITIONS } from './volume-resource.event-definitions';
import { VOLUME_RESOURCE_EVENT_TYPES } from './volume-resource.events';
import { summarizeVolumeRequest } from './volume-request-summary';

const parserOf = (type: string) => VOLUME_RESOURCE_EVENT_DEFINITIONS.find((definition) => definition.type === type)!.parse;

const intent = {
  provisioningId: 'p-1',
  projectId: 'tenant-a',
  azName: 'az1',
  podId: 'pod-1',
  bindingId: 'b-1',
  parent: null,
  request: summarizeVolumeRequest({ volume: { name: 'data', size: 10, volume_type: 'fast', metadata: { db: 'pw' } } }),
};

describe('the volume resources’ event definitions', () => {
  it('define <Kind><Suffix> for the three kinds from one table', () => {
    expect(VOLUME_RESOURCE_EVENT_DEFINITIONS.map((definition) => definition.type)).toEqual(VOLUME_RESOURCE_EVENT_TYPES);
    expect(VOLUME_RESOURCE_EVENT_TYPES).toHaveLength(27);
    expect(VOLUME_RESOURCE_EVENT_TYPES).toEqual(
      expect.arrayContaining(['VolumeProvisioningRequested', 'SnapshotActionFailed', 'BackupDeleted', 'BackupDeleteFailed']),
    );
  });

  it('parse what the slice writes', () => {
    expect(parserOf('SnapshotProvisioningRequested')(intent)).toEqual(intent);
    const created = {
      resourceId: 'v-1',
      provisioningId: 'p-1',
      podId: 'pod-1',
      projectId: 'tenant-a',
      azName: 'az1',
      name: null,
    };
    expect(parserOf('VolumeCreated')(created)).toEqual(created);
    const deleted = { resourceId: 'v-1', podId: 'pod-1', projectId: 'tenant-a', deleteId: null };
    expect(parserOf('BackupDeleted')(deleted)).toEqual(deleted);
  });

  it('refuse a key they do not know, where a secret could slip in (SECURITY)', () => {
    const parse = parserOf('VolumeProvisioningRequested');
    expect(() => parse({ ...intent, body: { volume: { metadata: { db: 'pw' } } } })).toThrow(/body/);
    expect(() => parse({ ...intent, request: { ...intent.request, metadata: { db: 'pw' } } })).toThrow(/metadata/);
    expect(() => parse({ ...intent, request: { ...intent.request, sources: { password: 'pw' } } })).toThrow(/password/);
    expect(() => parse({ ...intent, request: { ...intent.request, flags: ['auth_password'] } })).toThrow();
    const action = { resourceId: 'v-1', podId: 'pod-1', projectId: 'tenant-a', actionId: 'a-1', action: 'os-extend' };
    expect(parserOf('VolumeActionRequested')(action)).toEqual(action);
    expect(() => parserOf('VolumeActionRequested')({ ...action, body: { 'os-extend': { new_size: 2 } } })).toThrow(/body/);
    expect(() =>
      parserOf('BackupActionFailed')({ resourceId: 'b', projectId: 'p', actionId: 'a', status: 400, message: 'm', token: 't' }),
    ).toThrow(/token/);
  });
});

describe('the create summary (SECURITY: allow-listed)', () => {
  it('keeps the name, size, type, source ids, metadata keys and flags, and nothing else', () => {
    const body = {
      volume: {
        name: 'restored',
        size: '20',
        description: 'root password is hunter2',
        volume_type: 'fast',
        snapshot_id: 's-1',
        imageRef: 'img-1',
        metadata: { db_password: 'hunter2' },
        multiattach: true,
        scheduler_hints: { same_host: ['v-9'] },
        availability_zone: 'pod-az1',
      },
    };
    const summary = summarizeVolumeRequest(body);
    expect(summary).toEqual({
      name: 'restored',
      size: 20,
      volumeType: 'fast',
      sources: { snapshot_id: 's-1', image_id: 'img-1' },
      metadataKeys: ['db_password'],
      flags: ['multiattach'],
    });
    expect(JSON.stringify(summary)).not.toContain('hunter2');
    expect(summarizeVolumeRequest({ restore: { volume_id: 'v-2', name: 'r' } })).toMatchObject({
      name: 'r',
      sources: { volume_id: 'v-2' },
    });
    expect(summarizeVolumeRequest({ backup: { volume_id: 'v-3', incremental: true, force: 'True' } }).flags).toEqual([
      'force',
      'incremental',
    ]);
    expect(summarizeVolumeRequest(undefined)).toEqual({
      name: null,
      size: null,
      volumeType: null,
      sources: {},
      metadataKeys: [],
      flags: [],
    });
  });
});
