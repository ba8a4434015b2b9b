import { FlavorNotFoundError } from '../../domain/flavor.errors';
import { findLiveFlavor } from '../../queries/flavors/find-flavor.query';
import { listFlavorSyncStatuses } from '../../queries/flavors/flavor-sync.query';
import { M1_SMALL } from '../../testing/flavor-fixtures';
import { flavorAdminContext, type FlavorsTestBed, openFlavorsTestBed } from '../../testing/flavors-test-bed';
import { DefineFlavorCommand } from '../define-flavor/define-flavor.command';
import { DefineFlavorHandler } from '../define-flavor/define-flavor.handler';
import { DeleteFlavorCommand } from './delete-flavor.command';
import { DeleteFlavorHandler } from './delete-flavor.handler';

describe('DeleteFlavorHandler (PGlite)', () => {
  let bed: FlavorsTestBed;

  beforeAll(async () => {
    bed = await openFlavorsTestBed();
  });
  afterAll(() => bed.close());

  it('deletes a live flavor, and answers 404 in Nova’s words for one that is not live', async () => {
    const writer = bed.writer();
    await new DefineFlavorHandler(writer, bed.sql).execute(
      new DefineFlavorCommand({ flavorId: '7', definition: M1_SMALL }, flavorAdminContext()),
    );
    const remove = new DeleteFlavorHandler(writer);
    await remove.execute(new DeleteFlavorCommand('7', flavorAdminContext()));
    expect(await findLiveFlavor(bed.sql, '7')).toBeUndefined();
    // never pushed anywhere: nothing left for the reconciler either
    expect(await listFlavorSyncStatuses(bed.sql)).toEqual([]);
    await expect(remove.execute(new DeleteFlavorCommand('7', flavorAdminContext()))).rejects.toThrow(
      new FlavorNotFoundError('7'),
    );
    await expect(remove.execute(new DeleteFlavorCommand('nope', flavorAdminContext()))).rejects.toThrow(
      'Flavor nope could not be found.',
    );
  });
});
