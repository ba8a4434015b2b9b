import { Logger } from '@nestjs/common';
import { closingAfterAppend } from '@podgate/event-store/testing';
import { fixedClock } from '@podgate/kernel';
import { isDatabaseUnavailable, PGliteClient } from '@podgate/sql';
import { PodAlreadyRegisteredError } from '../domain/pod.errors';
import { podIdFor } from '../domain/pod.stream';
import { findPod } from '../queries/pods/find-pod.query';
import { adminContext, openPodsTestBed, type PodsTestBed } from '../testing/pods-test-bed';
import { PodWriter } from './pod-writer';

describe('PodWriter read-your-writes', () => {
  let bed: PodsTestBed;
  const registerAt = fixedClock('2026-03-01T10:00:00.000Z');
  const updateAt = fixedClock('2026-03-01T11:00:00.000Z');

  beforeAll(async () => (bed = await openPodsTestBed()));
  afterAll(() => bed.close());
  afterEach(() => jest.restoreAllMocks());

  /** A writer on the bed's event store whose own read model is a PGlite that closes after its first append. */
  async function writerWhoseReadModelDies(clock = updateAt): Promise<PodWriter> {
    const readModel = await PGliteClient.open();
    return new PodWriter(closingAfterAppend(bed.store, readModel), readModel, { clock });
  }

  it('answers a registration from the decided state when the read model fails after the append', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const writer = await writerWhoseReadModelDies(registerAt);
    const view = await writer.decidePod(
      { type: 'RegisterPod', podId: podIdFor('Lost'), name: 'Lost', profile: profile('az1') },
      adminContext(),
    );
    expect(view).toMatchObject({
      podId: podIdFor('Lost'),
      name: 'Lost',
      azName: 'az1',
      status: 'active',
      inMaintenance: false,
      registeredAt: new Date('2026-03-01T10:00:00.000Z'),
    });
    expect((await bed.store.readStream(`pod-${podIdFor('Lost')}`)).map((e) => e.type)).toEqual(['PodRegistered']);
    // The change was recorded: the admin was told so, and a retry is a conflict, not a second pod.
    await expect(
      bed
        .writer()
        .decidePod({ type: 'RegisterPod', podId: podIdFor('Lost'), name: 'Lost', profile: profile('az1') }, adminContext()),
    ).rejects.toBeInstanceOf(PodAlreadyRegisteredError);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/PGlite is closed/);
    expect(String(warn.mock.calls[0][0])).not.toMatch(/token|password/i);
  });

  it('answers an update and a deregistration from the decided state when the read model fails after the append', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const podId = podIdFor('Drained');
    await bed
      .writer({ clock: registerAt })
      .decidePod({ type: 'RegisterPod', podId, name: 'Drained', profile: profile('az1') }, adminContext());

    const updated = await (
      await writerWhoseReadModelDies()
    ).decidePod(
      { type: 'UpdatePod', podId, changes: { dcName: 'dc9' }, maintenance: { enabled: true, reason: 'drain' } },
      adminContext(),
    );
    expect(updated).toMatchObject({ podId, dcName: 'dc9', inMaintenance: true, maintenanceReason: 'drain', status: 'active' });

    const deregistered = await (
      await writerWhoseReadModelDies()
    ).decidePod(
      { type: 'DeregisterPod', podId, force: true, reason: 'gone', activeBindings: 0, routedResources: 0 },
      adminContext(),
    );
    expect(deregistered).toMatchObject({ podId, status: 'deregistered', updatedAt: new Date('2026-03-01T11:00:00.000Z') });
  });

  it('answers a change that records nothing from the stream, not from a read model that lags it', async () => {
    const podId = podIdFor('Lagging');
    const writer = bed.writer({ clock: registerAt, readYourWritesMs: 50 });
    await writer.decidePod({ type: 'RegisterPod', podId, name: 'Lagging', profile: profile('az1') }, adminContext());
    await bed.runner.stop();
    try {
      await writer.decidePod({ type: 'StartPodMaintenance', podId, reason: 'drain' }, adminContext());
      expect(await findPod(bed.sql, podId)).toMatchObject({ inMaintenance: false }); // the row lags
      const again = await writer.decidePod({ type: 'StartPodMaintenance', podId, reason: 'drain' }, adminContext());
      expect((await bed.store.readStream(`pod-${podId}`)).map((e) => e.type)).toEqual(['PodRegistered', 'PodMaintenanceStarted']);
      expect(again).toMatchObject({
        podId,
        inMaintenance: true,
        maintenanceReason: 'drain',
        registeredAt: new Date(registerAt.now()),
      });
    } finally {
      bed.runner.start();
    }
  });

  it('lets a read-model failure through when nothing was recorded: a retry is harmless', async () => {
    const podId = podIdFor('Quiet');
    await bed
      .writer({ clock: registerAt })
      .decidePod({ type: 'RegisterPod', podId, name: 'Quiet', profile: profile('az1') }, adminContext());
    const readModel = await PGliteClient.open();
    await readModel.close();
    const failure = await new PodWriter(bed.store, readModel)
      .decidePod({ type: 'EndPodMaintenance', podId }, adminContext())
      .catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });
});

const profile = (azName: string) => ({
  azName,
  podAzName: '',
  dcName: '',
  affinityTag: null,
  capacityThreshold: 0.9,
  endpoints: {},
});
