import { FlavorNotFoundError, InvalidFlavorError } from '../../domain/flavor.errors';
import { findLiveFlavor } from '../../queries/flavors/find-flavor.query';
import { M1_SMALL } from '../../testing/flavor-fixtures';
import { flavorAdminContext, type FlavorsTestBed, openFlavorsTestBed } from '../../testing/flavors-test-bed';
import { DefineFlavorCommand } from '../define-flavor/define-flavor.command';
import { DefineFlavorHandler } from '../define-flavor/define-flavor.handler';
import { UpdateFlavorDescriptionCommand } from './update-flavor-description.command';
import { UpdateFlavorDescriptionHandler } from './update-flavor-description.handler';

describe('UpdateFlavorDescriptionHandler (PGlite)', () => {
  let bed: FlavorsTestBed;
  let update: UpdateFlavorDescriptionHandler;

  beforeAll(async () => {
    bed = await openFlavorsTestBed();
    await new DefineFlavorHandler(bed.writer(), bed.sql).execute(
      new DefineFlavorCommand({ flavorId: 'small', definition: M1_SMALL }, flavorAdminContext()),
    );
    update = new UpdateFlavorDescriptionHandler(bed.writer());
  });
  afterAll(() => bed.close());

  it('sets and clears the description; an unchanged one appends nothing', async () => {
    expect(await update.execute(new UpdateFlavorDescriptionCommand('small', 'for tests', flavorAdminContext()))).toMatchObject({
      description: 'for tests',
      generation: 2,
    });
    expect(await findLiveFlavor(bed.sql, 'small')).toMatchObject({ description: 'for tests', generation: 2 });
    await update.execute(new UpdateFlavorDescriptionCommand('small', 'for tests', flavorAdminContext()));
    expect(await bed.store.readStream('flavor-small')).toHaveLength(2);
    await update.execute(new UpdateFlavorDescriptionCommand('small', null, flavorAdminContext()));
    expect(await findLiveFlavor(bed.sql, 'small')).toMatchObject({ description: null, generation: 3 });
  });

  it('answers 404 for an unknown flavor and 400 for a description Nova refuses', async () => {
    await expect(update.execute(new UpdateFlavorDescriptionCommand('nope', 'x', flavorAdminContext()))).rejects.toThrow(
      new FlavorNotFoundError('nope'),
    );
    await expect(
      update.execute(new UpdateFlavorDescriptionCommand('small', 'x'.repeat(65536), flavorAdminContext())),
    ).rejects.toBeInstanceOf(InvalidFlavorError);
  });
});
