import { FlavorAccessExistsError, FlavorAccessNotFoundError, FlavorAccessOnPublicFlavorError } from '../../domain/flavor.errors';
import { findLiveFlavor, findVisibleFlavor } from '../../queries/flavors/find-flavor.query';
import { M1_SMALL } from '../../testing/flavor-fixtures';
import { flavorAdminContext, type FlavorsTestBed, openFlavorsTestBed } from '../../testing/flavors-test-bed';
import { DefineFlavorCommand } from '../define-flavor/define-flavor.command';
import { DefineFlavorHandler } from '../define-flavor/define-flavor.handler';
import { RemoveFlavorAccessCommand } from '../remove-flavor-access/remove-flavor-access.command';
import { RemoveFlavorAccessHandler } from '../remove-flavor-access/remove-flavor-access.handler';
import { AddFlavorAccessCommand } from './add-flavor-access.command';
import { AddFlavorAccessHandler } from './add-flavor-access.handler';

describe('AddFlavorAccessHandler and RemoveFlavorAccessHandler (PGlite)', () => {
  let bed: FlavorsTestBed;
  let add: AddFlavorAccessHandler;
  let remove: RemoveFlavorAccessHandler;
  const tenantA = { projectId: 'tenant-a', isAdmin: false };

  beforeAll(async () => {
    bed = await openFlavorsTestBed();
    const define = new DefineFlavorHandler(bed.writer(), bed.sql);
    await define.execute(
      new DefineFlavorCommand({ flavorId: 'private', definition: { ...M1_SMALL, isPublic: false } }, flavorAdminContext()),
    );
    await define.execute(
      new DefineFlavorCommand({ flavorId: 'public', definition: { ...M1_SMALL, name: 'public' } }, flavorAdminContext()),
    );
    add = new AddFlavorAccessHandler(bed.writer());
    remove = new RemoveFlavorAccessHandler(bed.writer());
  });
  afterAll(() => bed.close());

  it('shares a private flavor with a project, which then sees it; removal hides it again', async () => {
    expect(await findVisibleFlavor(bed.sql, 'private', tenantA)).toBeUndefined();
    expect(await add.execute(new AddFlavorAccessCommand('private', 'tenant-a', flavorAdminContext()))).toEqual(['tenant-a']);
    expect(await add.execute(new AddFlavorAccessCommand('private', 'tenant-b', flavorAdminContext()))).toEqual([
      'tenant-a',
      'tenant-b',
    ]);
    expect(await findVisibleFlavor(bed.sql, 'private', tenantA)).toMatchObject({ projects: ['tenant-a', 'tenant-b'] });
    expect(await remove.execute(new RemoveFlavorAccessCommand('private', 'tenant-a', flavorAdminContext()))).toEqual([
      'tenant-b',
    ]);
    expect(await findVisibleFlavor(bed.sql, 'private', tenantA)).toBeUndefined();
    expect(await findVisibleFlavor(bed.sql, 'private', { projectId: 'x', isAdmin: true })).toBeDefined();
  });

  it('answers Nova’s 409s and 404 (public flavor, second grant, absent project)', async () => {
    await expect(add.execute(new AddFlavorAccessCommand('public', 'tenant-a', flavorAdminContext()))).rejects.toThrow(
      new FlavorAccessOnPublicFlavorError(),
    );
    await expect(add.execute(new AddFlavorAccessCommand('private', 'tenant-b', flavorAdminContext()))).rejects.toThrow(
      new FlavorAccessExistsError('private', 'tenant-b'),
    );
    await expect(remove.execute(new RemoveFlavorAccessCommand('public', 'tenant-a', flavorAdminContext()))).rejects.toThrow(
      new FlavorAccessNotFoundError('public', 'tenant-a'),
    );
    expect((await findLiveFlavor(bed.sql, 'private'))?.projects).toEqual(['tenant-b']);
  });
});
