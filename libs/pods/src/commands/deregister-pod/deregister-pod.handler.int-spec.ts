import { fixedClock } from '@podgate/kernel';
import { PodNotFoundError, PodStillInUseError } from '../../domain/pod.errors';
import { podIdFor } from '../../domain/pod.stream';
import { findPod } from '../../queries/pods/find-pod.query';
import { adminContext, openPodsTestBed, type PodsTestBed } from '../../testing/pods-test-bed';
import { RegisterPodCommand } from '../register-pod/register-pod.command';
import { RegisterPodHandler } from '../register-pod/register-pod.handler';
import { DeregisterPodCommand } from './deregister-pod.command';
import { DeregisterPodHandler } from './deregister-pod.handler';
import type { PodUseCounter } from './pod-use-counter.port';

/** A counter over a table of uses, as the bindings lib counts rm_bindings and rm_routings rows. */
const usesIn = (uses: Map<string, { bindings: number; routed: number }>): PodUseCounter => ({
  activeBindings: async (podId) => uses.get(podId)?.bindings ?? 0,
  routedResources: async (podId) => uses.get(podId)?.routed ?? 0,
});

describe('DeregisterPod (PGlite)', () => {
  let bed: PodsTestBed;
  let register: RegisterPodHandler;
  let deregister: DeregisterPodHandler;
  const uses = new Map<string, { bindings: number; routed: number }>();

  beforeAll(async () => {
    bed = await openPodsTestBed();
    register = new RegisterPodHandler(bed.writer({ clock: fixedClock('2026-03-01T10:00:00.000Z') }));
    deregister = new DeregisterPodHandler(bed.writer({ clock: fixedClock('2026-03-02T10:00:00.000Z') }), usesIn(uses));
  });
  afterAll(() => bed.close());

  it('refuses a pod in use unless forced, and keeps the deregistered row', async () => {
    const pod = await register.execute(new RegisterPodCommand({ name: 'Busy', azName: 'az1' }, adminContext()));
    uses.set(pod.podId, { bindings: 1, routed: 3 });
    const refused = deregister.execute(new DeregisterPodCommand({ podId: pod.podId, reason: 'retired' }, adminContext()));
    await expect(refused).rejects.toBeInstanceOf(PodStillInUseError);
    await expect(refused).rejects.toThrow('still has 1 active binding(s) and 3 routed resource(s)');

    const view = await deregister.execute(
      new DeregisterPodCommand({ podId: pod.podId, force: true, reason: 'retired' }, adminContext()),
    );
    expect(view).toMatchObject({ podId: pod.podId, status: 'deregistered', updatedAt: new Date('2026-03-02T10:00:00.000Z') });
    expect(await findPod(bed.sql, pod.podId)).toEqual(view);
    const events = await bed.store.readStream(`pod-${pod.podId}`);
    expect(events.at(-1)).toMatchObject({ type: 'PodDeregistered', data: { podId: pod.podId, forced: true, reason: 'retired' } });
  });

  it('deregisters an unused pod, then 404s a second time; the name can be registered again with a new profile', async () => {
    const pod = await register.execute(new RegisterPodCommand({ name: 'Idle', azName: 'az1', dcName: 'dc1' }, adminContext()));
    await deregister.execute(new DeregisterPodCommand({ podId: pod.podId }, adminContext()));
    await expect(deregister.execute(new DeregisterPodCommand({ podId: pod.podId }, adminContext()))).rejects.toBeInstanceOf(
      PodNotFoundError,
    );
    const again = await register.execute(new RegisterPodCommand({ name: 'Idle', azName: 'az9' }, adminContext()));
    expect(again).toMatchObject({ podId: podIdFor('Idle'), status: 'active', azName: 'az9', dcName: '' });
    expect(again.registrationSeq).toBeGreaterThan(pod.registrationSeq);
  });

  it('404s a pod that never existed, without counting on it being registered', async () => {
    await expect(
      deregister.execute(new DeregisterPodCommand({ podId: podIdFor('ghost') }, adminContext())),
    ).rejects.toBeInstanceOf(PodNotFoundError);
  });
});
