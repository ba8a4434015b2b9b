import { fixedClock } from '@podgate/kernel';
import { InvalidPodNameError, PodAlreadyRegisteredError } from '../../domain/pod.errors';
import { podIdFor } from '../../domain/pod.stream';
import { findPod } from '../../queries/pods/find-pod.query';
import { adminContext, openPodsTestBed, type PodsTestBed } from '../../testing/pods-test-bed';
import { RegisterPodCommand } from './register-pod.command';
import { RegisterPodHandler } from './register-pod.handler';

describe('RegisterPod (PGlite)', () => {
  let bed: PodsTestBed;
  let handler: RegisterPodHandler;
  const clock = fixedClock('2026-03-01T10:00:00.000Z');

  beforeAll(async () => {
    bed = await openPodsTestBed();
    handler = new RegisterPodHandler(bed.writer({ clock }));
  });
  afterAll(() => bed.close());

  it('records PodRegistered with the caller in metadata and answers with the projected row', async () => {
    const view = await handler.execute(
      new RegisterPodCommand(
        { name: 'Pod1', azName: 'az1', endpoints: { compute: 'http://127.0.0.1:1/compute/v2.1' } },
        adminContext(),
      ),
    );
    const podId = podIdFor('Pod1');
    expect(view).toEqual(await findPod(bed.sql, podId));
    expect(view).toMatchObject({
      podId,
      name: 'Pod1',
      azName: 'az1',
      podAzName: '',
      dcName: '',
      affinityTag: null,
      capacityThreshold: 0.9,
      endpoints: { compute: 'http://127.0.0.1:1/compute/v2.1' },
      inMaintenance: false,
      status: 'active',
      registeredAt: new Date('2026-03-01T10:00:00.000Z'),
      usage: null,
    });
    const [event] = await bed.store.readStream(`pod-${podId}`);
    expect(event.type).toBe('PodRegistered');
    expect(event.metadata).toMatchObject({
      requestId: adminContext().requestId,
      globalRequestId: 'req-00000000-0000-4000-8000-0000000000aa',
      actor: { userId: 'admin-user', projectId: 'admin-project', roles: ['admin'] },
      occurredAt: '2026-03-01T10:00:00.000Z',
    });
    expect(view.registrationSeq).toBe(event.position.commit);
  });

  it('refuses a second registration of the same name with 409 and an invalid name with 400', async () => {
    await expect(handler.execute(new RegisterPodCommand({ name: 'Pod1', azName: 'az2' }, adminContext()))).rejects.toBeInstanceOf(
      PodAlreadyRegisteredError,
    );
    await expect(handler.execute(new RegisterPodCommand({ name: 'a/b', azName: 'az1' }, adminContext()))).rejects.toBeInstanceOf(
      InvalidPodNameError,
    );
    expect(await bed.store.readStream(`pod-${podIdFor('Pod1')}`)).toHaveLength(1);
  });

  it('answers from the decided state when rm_pods lags behind the write', async () => {
    await bed.runner.stop();
    try {
      const lagging = new RegisterPodHandler(bed.writer({ clock, readYourWritesMs: 30 }));
      const view = await lagging.execute(
        new RegisterPodCommand({ name: 'Pod2', azName: 'az2', affinityTag: 'gpu', capacityThreshold: 0.75 }, adminContext()),
      );
      expect(await findPod(bed.sql, podIdFor('Pod2'))).toBeUndefined();
      const [event] = await bed.store.readStream(`pod-${podIdFor('Pod2')}`);
      expect(view).toEqual({
        podId: podIdFor('Pod2'),
        name: 'Pod2',
        azName: 'az2',
        podAzName: '',
        dcName: '',
        affinityTag: 'gpu',
        capacityThreshold: 0.75,
        endpoints: {},
        inMaintenance: false,
        maintenanceReason: null,
        status: 'active',
        registeredAt: new Date('2026-03-01T10:00:00.000Z'),
        registrationSeq: event.position.commit,
        updatedAt: new Date('2026-03-01T10:00:00.000Z'),
        usage: null,
      });
    } finally {
      bed.runner.start();
    }
    // once the projection catches up, the row says the same
    const [event] = await bed.store.readStream(`pod-${podIdFor('Pod2')}`);
    expect(await bed.runner.waitFor(event.position, 5000)).toBe(true);
    expect(await findPod(bed.sql, podIdFor('Pod2'))).toMatchObject({
      affinityTag: 'gpu',
      capacityThreshold: 0.75,
      status: 'active',
    });
  });
});
