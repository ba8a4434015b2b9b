import { type JsonValue } from '@podgate/event-store';
import { metadataFor, systemContext } from '@podgate/kernel';
import { rebuildProjection } from '@podgate/read-model';
import type { FlavorEvent } from '../../domain/flavor.events';
import { flavorStream } from '../../domain/flavor.stream';
import { findLiveFlavor, findLiveFlavorIdByName } from '../../queries/flavors/find-flavor.query';
import { listFlavorPodSync, listFlavorSyncStatuses } from '../../queries/flavors/flavor-sync.query';
import { M1_SMALL } from '../../testing/flavor-fixtures';
import { type FlavorsTestBed, openFlavorsTestBed } from '../../testing/flavors-test-bed';
import { flavorsProjection } from './flavors.projection';

describe('flavors projection (PGlite)', () => {
  let bed: FlavorsTestBed;
  const revision: Record<string, bigint> = {};

  beforeAll(async () => {
    bed = await openFlavorsTestBed();
  });
  afterAll(() => bed.close());

  /** Appends as the writer does, at a given instant, and waits until rm_flavors has applied it. */
  async function append(flavorId: string, at: string, ...events: FlavorEvent[]): Promise<void> {
    const stream = flavorStream(flavorId);
    const metadata = metadataFor(systemContext(), new Date(at));
    const result = await bed.store.append(
      stream,
      events.map((e) => ({ id: crypto.randomUUID(), type: e.type, data: e.data as unknown as JsonValue, metadata })),
      revision[stream] ?? 'no_stream',
    );
    revision[stream] = result.nextRevision;
    expect(await bed.runner.waitFor(result.position, 5000)).toBe(true);
  }
  const ev = {
    defined: (flavorId: string, changes: Partial<typeof M1_SMALL> = {}): FlavorEvent => ({
      type: 'FlavorDefined',
      data: { flavorId, ...M1_SMALL, ...changes },
    }),
    specs: (flavorId: string, specs: Record<string, string>): FlavorEvent => ({
      type: 'FlavorExtraSpecsSet',
      data: { flavorId, specs },
    }),
    access: (flavorId: string, projectId: string, added = true): FlavorEvent => ({
      type: added ? 'FlavorAccessAdded' : 'FlavorAccessRemoved',
      data: { flavorId, projectId },
    }),
    synced: (flavorId: string, podId: string, generation: number): FlavorEvent => ({
      type: 'FlavorSyncedToPod',
      data: { flavorId, podId, generation },
    }),
    failed: (flavorId: string, podId: string, generation: number, status?: number): FlavorEvent => ({
      type: 'FlavorSyncFailed',
      data: { flavorId, podId, generation, message: 'pod said no', ...(status ? { status } : {}) },
    }),
  };

  it('follows a flavor through its definition, description, extra specs and access, counting generations', async () => {
    await append('gpu', '2026-03-01T10:00:00Z', ev.defined('gpu', { name: 'gpu.large', isPublic: false }));
    await append(
      'gpu',
      '2026-03-01T10:01:00Z',
      { type: 'FlavorDescriptionUpdated', data: { flavorId: 'gpu', description: 'GPUs' } },
      ev.specs('gpu', { 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'shared' }),
      ev.specs('gpu', { 'hw:cpu_policy': 'dedicated' }),
      { type: 'FlavorExtraSpecDeleted', data: { flavorId: 'gpu', key: 'podgate:affinity_tag' } },
      ev.access('gpu', 'tenant-b'),
      ev.access('gpu', 'tenant-a'),
      ev.access('gpu', 'tenant-c'),
      ev.access('gpu', 'tenant-b', false),
    );
    expect(await findLiveFlavor(bed.sql, 'gpu')).toEqual({
      flavorId: 'gpu',
      ...M1_SMALL,
      name: 'gpu.large',
      isPublic: false,
      description: 'GPUs',
      extraSpecs: { 'hw:cpu_policy': 'dedicated' },
      projects: ['tenant-a', 'tenant-c'],
      generation: 9,
    });
    expect(await findLiveFlavorIdByName(bed.sql, 'gpu.large')).toBe('gpu');
  });

  it('records what each pod holds, never backwards, and a failure until a success overtakes it', async () => {
    await append('gpu', '2026-03-01T10:02:00Z', ev.synced('gpu', 'pod-a', 9), ev.failed('gpu', 'pod-b', 9, 409));
    await append('gpu', '2026-03-01T10:03:00Z', ev.synced('gpu', 'pod-a', 3));
    expect(await listFlavorPodSync(bed.sql, 'gpu')).toEqual([
      { podId: 'pod-a', generation: 9, syncedAt: new Date('2026-03-01T10:03:00Z'), failure: null },
      {
        podId: 'pod-b',
        generation: 0,
        syncedAt: null,
        failure: { generation: 9, status: 409, message: 'pod said no', at: new Date('2026-03-01T10:02:00Z') },
      },
    ]);
    await append('gpu', '2026-03-01T10:04:00Z', ev.synced('gpu', 'pod-b', 9));
    expect((await listFlavorPodSync(bed.sql, 'gpu'))[1]).toMatchObject({ generation: 9, failure: null });
  });

  it('keeps a deleted flavor for the reconciler until every pod has it removed, and starts clean on a new definition', async () => {
    await append('gpu', '2026-03-01T11:00:00Z', { type: 'FlavorDeleted', data: { flavorId: 'gpu' } });
    expect(await findLiveFlavor(bed.sql, 'gpu')).toBeUndefined();
    expect(await findLiveFlavorIdByName(bed.sql, 'gpu.large')).toBeUndefined();
    const pending = await listFlavorSyncStatuses(bed.sql);
    expect(pending).toEqual([
      {
        flavorId: 'gpu',
        generation: 10,
        deleted: true,
        syncedPods: new Map([
          ['pod-a', 9],
          ['pod-b', 9],
        ]),
      },
    ]);
    await append('gpu', '2026-03-01T11:01:00Z', ev.synced('gpu', 'pod-a', 10), ev.synced('gpu', 'pod-b', 10));
    expect(await listFlavorSyncStatuses(bed.sql)).toEqual([]);

    await append('gpu', '2026-03-01T12:00:00Z', ev.defined('gpu', { name: 'gpu.xl', ram: 4096 }));
    expect(await findLiveFlavor(bed.sql, 'gpu')).toMatchObject({
      name: 'gpu.xl',
      ram: 4096,
      isPublic: true,
      description: null,
      extraSpecs: {},
      projects: [],
      generation: 11,
    });
  });

  it('rebuilds to the same rows from the log', async () => {
    const before = await findLiveFlavor(bed.sql, 'gpu');
    const podsBefore = await listFlavorPodSync(bed.sql, 'gpu');
    await bed.runner.stop();
    await rebuildProjection(bed.store, bed.sql, flavorsProjection);
    expect(await findLiveFlavor(bed.sql, 'gpu')).toEqual(before);
    expect(await listFlavorPodSync(bed.sql, 'gpu')).toEqual(podsBefore);
    bed.runner.start();
  });
});
