import { specify } from '@podgate/kernel';
import { decideVolumeResource, type VolumeResourceCommand } from './volume-resource.decider';
import type { VolumeProvisioningRequestedData, VolumeStreamEvent } from './volume-resource.events';
import { evolveVolumeResource, initialVolumeResourceState, type VolumeResourceState } from './volume-resource.state';

const snapshots = specify<VolumeResourceCommand, VolumeStreamEvent, VolumeResourceState>({
  decide: (command, state) => decideVolumeResource('snapshot', command, state),
  evolve: evolveVolumeResource,
  initialState: initialVolumeResourceState,
});

const intent: VolumeProvisioningRequestedData = {
  provisioningId: 'p-1',
  projectId: 'tenant-a',
  azName: 'az1',
  podId: 'pod-1',
  bindingId: null,
  parent: { kind: 'volume', id: 'v-1' },
  request: { name: 'nightly', size: null, volumeType: null, sources: { volume_id: 'v-1' }, metadataKeys: [], flags: [] },
};
const requested: VolumeStreamEvent = { kind: 'snapshot', suffix: 'ProvisioningRequested', data: intent };
const created: VolumeStreamEvent[] = [
  {
    kind: 'snapshot',
    suffix: 'Created',
    data: { resourceId: 's-1', provisioningId: 'p-1', podId: 'pod-1', projectId: 'tenant-a', azName: 'az1', name: 'nightly' },
  },
  {
    kind: 'snapshot',
    suffix: 'Routed',
    data: { resourceType: 'snapshot', topId: 's-1', bottomId: 's-1', podId: 'pod-1', projectId: 'tenant-a', azName: 'az1' },
  },
];

describe('the volume resources’ decider (one kind: snapshot)', () => {
  it('records the intent once, creation once with its route, and refuses another id for the same stream', () => {
    expect(snapshots.given([]).when({ type: 'RequestProvisioning', intent }).events).toEqual([requested]);
    expect(snapshots.given([requested]).when({ type: 'RequestProvisioning', intent }).events).toEqual([]);
    expect(snapshots.given([requested]).when({ type: 'RecordCreated', provisioningId: 'p-1', resourceId: 's-1' }).events).toEqual(
      created,
    );
    expect(
      snapshots.given([requested, ...created]).when({ type: 'RecordCreated', provisioningId: 'p-1', resourceId: 's-1' }).events,
    ).toEqual([]);
    expect(
      snapshots.given([requested, ...created]).when({ type: 'RecordCreated', provisioningId: 'p-1', resourceId: 's-2' }).error,
    ).toMatchObject({
      code: 'VOLUMES.RECORD_CONFLICT',
    });
    expect(snapshots.given([]).when({ type: 'RecordCreated', provisioningId: 'p-1', resourceId: 's-1' }).error).toMatchObject({
      code: 'VOLUMES.PROVISIONING_NOT_REQUESTED',
    });
  });

  it('scrubs the secrets out of a failure and records it once', () => {
    const failed = snapshots.given([requested]).when({
      type: 'RecordProvisioningFailed',
      provisioningId: 'p-1',
      status: 400,
      message: 'bad value hunter2',
      secrets: ['hunter2'],
    });
    expect(failed.events).toEqual([
      {
        kind: 'snapshot',
        suffix: 'ProvisioningFailed',
        data: { provisioningId: 'p-1', podId: 'pod-1', status: 400, message: 'bad value ***' },
      },
    ]);
    const again = { type: 'RecordProvisioningFailed', provisioningId: 'p-1', status: 400, message: 'x', secrets: [] } as const;
    expect(snapshots.given([requested, ...failed.events!]).when(again).events).toEqual([]);
  });

  it('records a deletion once, naming the delete the pod accepted, and a never-created resource as not found', () => {
    const asked: VolumeStreamEvent = {
      kind: 'snapshot',
      suffix: 'DeleteRequested',
      data: { resourceId: 's-1', podId: 'pod-1', projectId: 'tenant-a', deleteId: 'd-1' },
    };
    const deleted = snapshots.given([...created, asked]).when({ type: 'RecordDeleted', resourceId: 's-1' }).events!;
    expect(deleted).toEqual([
      {
        kind: 'snapshot',
        suffix: 'Deleted',
        data: { resourceId: 's-1', podId: 'pod-1', projectId: 'tenant-a', deleteId: 'd-1' },
      },
      { kind: 'snapshot', suffix: 'Unrouted', data: { resourceType: 'snapshot', topId: 's-1', podId: 'pod-1' } },
    ]);
    expect(snapshots.given([...created, asked, ...deleted]).when({ type: 'RecordDeleted', resourceId: 's-1' }).events).toEqual(
      [],
    );
    expect(snapshots.given([]).when({ type: 'RecordDeleted', resourceId: 's-1' }).error).toMatchObject({
      message: 'Snapshot s-1 could not be found.',
    });
  });
});
