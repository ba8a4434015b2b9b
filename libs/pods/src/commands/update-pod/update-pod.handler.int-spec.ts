import { fixedClock } from '@podgate/kernel';
import { InvalidPodProfileError, PodNotFoundError } from '../../domain/pod.errors';
import { podIdFor } from '../../domain/pod.stream';
import { findPod } from '../../queries/pods/find-pod.query';
import { adminContext, openPodsTestBed, type PodsTestBed } from '../../testing/pods-test-bed';
import { RegisterPodCommand } from '../register-pod/register-pod.command';
import { RegisterPodHandler } from '../register-pod/register-pod.handler';
import { UpdatePodCommand } from './update-pod.command';
import { UpdatePodHandler } from './update-pod.handler';

describe('UpdatePod (PGlite)', () => {
  let bed: PodsTestBed;
  let update: UpdatePodHandler;
  const podId = podIdFor('Pod1');
  const types = async () => (await bed.store.readStream(`pod-${podId}`)).map((e) => e.type);

  beforeAll(async () => {
    bed = await openPodsTestBed();
    const writer = bed.writer({ clock: fixedClock('2026-03-01T10:00:00.000Z') });
    await new RegisterPodHandler(writer).execute(
      new RegisterPodCommand({ name: 'Pod1', azName: 'az1', dcName: 'dc1' }, adminContext()),
    );
    update = new UpdatePodHandler(bed.writer({ clock: fixedClock('2026-03-01T11:00:00.000Z') }));
  });
  afterAll(() => bed.close());

  it('changes the profile and starts maintenance in one append', async () => {
    const view = await update.execute(
      new UpdatePodCommand(
        {
          podId,
          changes: { affinityTag: 'gpu', capacityThreshold: 0.8, dcName: 'dc1' },
          maintenance: true,
          maintenanceReason: 'drain',
        },
        adminContext(),
      ),
    );
    expect(view).toMatchObject({
      affinityTag: 'gpu',
      capacityThreshold: 0.8,
      dcName: 'dc1',
      inMaintenance: true,
      maintenanceReason: 'drain',
      registeredAt: new Date('2026-03-01T10:00:00.000Z'),
      updatedAt: new Date('2026-03-01T11:00:00.000Z'),
    });
    const events = await bed.store.readStream(`pod-${podId}`);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['PodRegistered', expect.anything()],
      ['PodUpdated', { podId, changes: { affinityTag: 'gpu', capacityThreshold: 0.8 } }],
      ['PodMaintenanceStarted', { podId, reason: 'drain' }],
    ]);
    expect(events[1].position.commit).toBe(events[2].position.commit); // one transaction
  });

  it('records nothing for an update that changes nothing, and clears a tag with null', async () => {
    await update.execute(new UpdatePodCommand({ podId, changes: { affinityTag: 'gpu' }, maintenance: true }, adminContext()));
    expect(await types()).toHaveLength(3);
    const view = await update.execute(
      new UpdatePodCommand({ podId, changes: { affinityTag: null }, maintenance: false }, adminContext()),
    );
    expect(view).toMatchObject({ affinityTag: null, inMaintenance: false, maintenanceReason: null });
    expect(await findPod(bed.sql, podId)).toEqual(view);
  });

  it('refuses an invalid change without recording any part of the update', async () => {
    const before = await types();
    await expect(
      update.execute(new UpdatePodCommand({ podId, changes: { capacityThreshold: 1.01 }, maintenance: true }, adminContext())),
    ).rejects.toBeInstanceOf(InvalidPodProfileError);
    expect(await types()).toEqual(before);
    expect(await findPod(bed.sql, podId)).toMatchObject({ inMaintenance: false, capacityThreshold: 0.8 });
  });

  it('knows no pod that was never registered', async () => {
    await expect(
      update.execute(new UpdatePodCommand({ podId: podIdFor('nope'), changes: { dcName: 'x' } }, adminContext())),
    ).rejects.toBeInstanceOf(PodNotFoundError);
  });
});
