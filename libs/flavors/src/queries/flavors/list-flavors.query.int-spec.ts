import { MarkerNotFoundError } from '@podgate/kernel';
import { AddFlavorAccessCommand } from '../../commands/add-flavor-access/add-flavor-access.command';
import { AddFlavorAccessHandler } from '../../commands/add-flavor-access/add-flavor-access.handler';
import { DefineFlavorCommand } from '../../commands/define-flavor/define-flavor.command';
import { DefineFlavorHandler } from '../../commands/define-flavor/define-flavor.handler';
import { UpdateFlavorDescriptionCommand } from '../../commands/update-flavor-description/update-flavor-description.command';
import { UpdateFlavorDescriptionHandler } from '../../commands/update-flavor-description/update-flavor-description.handler';
import { M1_SMALL } from '../../testing/flavor-fixtures';
import { flavorAdminContext, type FlavorsTestBed, openFlavorsTestBed } from '../../testing/flavors-test-bed';
import { FLAVOR_SORT_KEYS, type FlavorListOptions, listFlavors } from './list-flavors.query';

describe('listFlavors (PGlite)', () => {
  let bed: FlavorsTestBed;
  const admin = { projectId: 'admin', isAdmin: true };
  const tenantA = { projectId: 'tenant-a', isAdmin: false };
  // definition order differs from id order and from size order on purpose
  const flavors = [
    { id: 'c', ram: 4096, disk: 40, isPublic: true },
    { id: 'a', ram: 512, disk: 1, isPublic: true },
    { id: 'p-a', ram: 2048, disk: 20, isPublic: false },
    { id: 'b', ram: 2048, disk: 10, isPublic: true },
    { id: 'p-x', ram: 1024, disk: 5, isPublic: false },
    { id: 'p-admin', ram: 8192, disk: 80, isPublic: false },
  ];

  beforeAll(async () => {
    bed = await openFlavorsTestBed();
    const writer = bed.writer();
    const define = new DefineFlavorHandler(writer, bed.sql);
    for (const f of flavors) {
      const definition = { ...M1_SMALL, name: `name-${f.id}`, ram: f.ram, disk: f.disk, isPublic: f.isPublic };
      await define.execute(new DefineFlavorCommand({ flavorId: f.id, definition }, flavorAdminContext()));
    }
    const share = new AddFlavorAccessHandler(writer);
    await share.execute(new AddFlavorAccessCommand('p-a', 'tenant-a', flavorAdminContext()));
    await share.execute(new AddFlavorAccessCommand('p-admin', 'admin', flavorAdminContext()));
    await new UpdateFlavorDescriptionHandler(writer).execute(
      new UpdateFlavorDescriptionCommand('b', 'bee', flavorAdminContext()),
    );
  });
  afterAll(() => bed.close());

  const ids = async (options: FlavorListOptions) => (await listFlavors(bed.sql, options)).map((f) => f.flavorId);

  it('shows a project the public flavors and the private ones shared with it, by flavor id', async () => {
    expect(await ids({ viewer: tenantA })).toEqual(['a', 'b', 'c', 'p-a']);
    // is_public is an admin's filter only, as in Nova
    expect(await ids({ viewer: tenantA, isPublic: false })).toEqual(['a', 'b', 'c', 'p-a']);
  });

  it('gives admins is_public: public + shared with their project by default, private only, or all', async () => {
    expect(await ids({ viewer: admin })).toEqual(['a', 'b', 'c', 'p-admin']);
    expect(await ids({ viewer: admin, isPublic: false })).toEqual(['p-a', 'p-admin', 'p-x']);
    expect(await ids({ viewer: admin, isPublic: null })).toEqual(['a', 'b', 'c', 'p-a', 'p-admin', 'p-x']);
  });

  it('filters by minRam and minDisk', async () => {
    expect(await ids({ viewer: admin, isPublic: null, minRam: 2048 })).toEqual(['b', 'c', 'p-a', 'p-admin']);
    expect(await ids({ viewer: admin, isPublic: null, minRam: 2048, minDisk: 20 })).toEqual(['c', 'p-a', 'p-admin']);
  });

  it('sorts by any of Nova’s keys, ties by definition order in the same direction, NULL first ascending', async () => {
    const all = { viewer: admin, isPublic: null } as const;
    expect(await ids({ ...all, sortKey: 'memory_mb', sortDir: 'desc' })).toEqual(['p-admin', 'c', 'b', 'p-a', 'p-x', 'a']);
    expect(await ids({ ...all, sortKey: 'memory_mb' })).toEqual(['a', 'p-x', 'p-a', 'b', 'c', 'p-admin']);
    expect(await ids({ ...all, sortKey: 'id' })).toEqual(['c', 'a', 'p-a', 'b', 'p-x', 'p-admin']);
    expect(await ids({ ...all, sortKey: 'description' })).toEqual(['c', 'a', 'p-a', 'p-x', 'p-admin', 'b']);
    expect(await ids({ ...all, sortKey: 'description', sortDir: 'desc' })).toEqual(['b', 'p-admin', 'p-x', 'p-a', 'a', 'c']);
    for (const sortKey of FLAVOR_SORT_KEYS) expect(await ids({ ...all, sortKey })).toHaveLength(6);
  });

  it('pages with limit and marker in every order without gaps or repeats', async () => {
    for (const sortKey of ['flavorid', 'memory_mb', 'description', 'disabled'] as const) {
      for (const sortDir of ['asc', 'desc'] as const) {
        const options = { viewer: admin, isPublic: null, sortKey, sortDir } as const;
        const whole = await ids(options);
        const paged: string[] = [];
        let marker: string | undefined;
        for (;;) {
          const page = await ids({ ...options, limit: 4, marker });
          paged.push(...page);
          if (page.length < 4) break;
          marker = page[page.length - 1];
        }
        expect(paged).toEqual(whole);
      }
    }
    expect(await ids({ viewer: admin, limit: 0 })).toEqual([]);
  });

  it('refuses a marker the viewer cannot see, as Nova does', async () => {
    await expect(listFlavors(bed.sql, { viewer: tenantA, marker: 'p-x' })).rejects.toThrow(new MarkerNotFoundError('p-x'));
    await expect(listFlavors(bed.sql, { viewer: admin, marker: 'nope' })).rejects.toThrow('marker nope not found');
    expect(await ids({ viewer: tenantA, marker: 'b' })).toEqual(['c', 'p-a']);
  });
});
