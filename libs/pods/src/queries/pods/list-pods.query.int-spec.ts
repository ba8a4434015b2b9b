import { fixedClock, InvalidLimitError, MarkerNotFoundError } from '@podgate/kernel';
import { RegisterPodCommand } from '../../commands/register-pod/register-pod.command';
import { RegisterPodHandler } from '../../commands/register-pod/register-pod.handler';
import { UpdatePodCommand } from '../../commands/update-pod/update-pod.command';
import { UpdatePodHandler } from '../../commands/update-pod/update-pod.handler';
import { DeregisterPodCommand } from '../../commands/deregister-pod/deregister-pod.command';
import { DeregisterPodHandler } from '../../commands/deregister-pod/deregister-pod.handler';
import { podIdFor } from '../../domain/pod.stream';
import { adminContext, openPodsTestBed, type PodsTestBed } from '../../testing/pods-test-bed';
import { findPod } from './find-pod.query';
import { listAllPods, listPods } from './list-pods.query';

describe('listPods and findPod (PGlite)', () => {
  let bed: PodsTestBed;
  // registration order differs from name order and from pod id order on purpose
  const names = ['Pod3', 'Pod1', 'Pod5', 'Pod2', 'Pod4'];

  beforeAll(async () => {
    bed = await openPodsTestBed();
    const writer = bed.writer({ clock: fixedClock('2026-03-01T10:00:00Z') });
    const register = new RegisterPodHandler(writer);
    for (const [i, name] of names.entries()) {
      await register.execute(new RegisterPodCommand({ name, azName: i % 2 === 0 ? 'az1' : 'az2' }, adminContext()));
    }
    await new UpdatePodHandler(writer).execute(
      new UpdatePodCommand({ podId: podIdFor('Pod5'), maintenance: true }, adminContext()),
    );
    const counter = { activeBindings: async () => 0, routedResources: async () => 0 };
    await new DeregisterPodHandler(writer, counter).execute(
      new DeregisterPodCommand({ podId: podIdFor('Pod4') }, adminContext()),
    );
  });
  afterAll(() => bed.close());

  const namesOf = (pods: { name: string }[]) => pods.map((p) => p.name);

  it('lists in registration order, deregistered pods included unless filtered', async () => {
    expect(namesOf(await listPods(bed.sql, {}))).toEqual(names);
    expect(namesOf(await listPods(bed.sql, { status: 'active' }))).toEqual(['Pod3', 'Pod1', 'Pod5', 'Pod2']);
    expect(namesOf(await listPods(bed.sql, { status: 'deregistered' }))).toEqual(['Pod4']);
  });

  it('filters by AZ, name and maintenance, combined', async () => {
    expect(namesOf(await listPods(bed.sql, { azName: 'az1' }))).toEqual(['Pod3', 'Pod5', 'Pod4']);
    expect(namesOf(await listPods(bed.sql, { azName: 'az1', status: 'active', inMaintenance: false }))).toEqual(['Pod3']);
    expect(namesOf(await listPods(bed.sql, { inMaintenance: true }))).toEqual(['Pod5']);
    expect(namesOf(await listPods(bed.sql, { name: 'Pod2' }))).toEqual(['Pod2']);
    expect(await listPods(bed.sql, { name: 'Pod2', azName: 'az1' })).toEqual([]);
  });

  it('pages with limit and marker, the marker being the last pod id of the previous page', async () => {
    const first = await listPods(bed.sql, { limit: 2 });
    expect(namesOf(first)).toEqual(['Pod3', 'Pod1']);
    const second = await listPods(bed.sql, { limit: 2, marker: first[1].podId });
    expect(namesOf(second)).toEqual(['Pod5', 'Pod2']);
    const third = await listPods(bed.sql, { limit: 2, marker: second[1].podId });
    expect(namesOf(third)).toEqual(['Pod4']);
    // a marker outside the filter still positions the page, as Nova's does
    expect(namesOf(await listPods(bed.sql, { azName: 'az2', marker: podIdFor('Pod3') }))).toEqual(['Pod1', 'Pod2']);
    expect(await listPods(bed.sql, { limit: 0 })).toEqual([]);
  });

  it('refuses an unknown marker and a bad limit', async () => {
    await expect(listPods(bed.sql, { marker: podIdFor('nope') })).rejects.toThrow(new MarkerNotFoundError(podIdFor('nope')));
    await expect(listPods(bed.sql, { marker: 'not-a-uuid' })).rejects.toThrow('marker not-a-uuid not found');
    await expect(listPods(bed.sql, { limit: -1 })).rejects.toBeInstanceOf(InvalidLimitError);
    await expect(listPods(bed.sql, { limit: 1.5 })).rejects.toBeInstanceOf(InvalidLimitError);
  });

  it('gives the scheduler every active pod of an AZ with what its filters need', async () => {
    const pods = await listAllPods(bed.sql, { azName: 'az1', status: 'active' });
    expect(pods.map((p) => [p.name, p.inMaintenance, p.affinityTag, p.capacityThreshold, p.usage])).toEqual([
      ['Pod3', false, null, 0.9, null],
      ['Pod5', true, null, 0.9, null],
    ]);
    expect(pods[0].registrationSeq).toBeLessThan(pods[1].registrationSeq);
  });

  it('finds a pod by id, and nothing for an unknown or malformed id', async () => {
    expect(await findPod(bed.sql, podIdFor('Pod4'))).toMatchObject({ name: 'Pod4', status: 'deregistered' });
    expect(await findPod(bed.sql, podIdFor('nope'))).toBeUndefined();
    expect(await findPod(bed.sql, "'; DROP TABLE rm_pods; --")).toBeUndefined();
  });
});
