import { FlavorExtraSpecNotFoundError, FlavorNotFoundError, InvalidFlavorError } from '../../domain/flavor.errors';
import { affinityTagOf } from '../../domain/flavor.validation';
import { findLiveFlavor } from '../../queries/flavors/find-flavor.query';
import { M1_SMALL } from '../../testing/flavor-fixtures';
import { flavorAdminContext, type FlavorsTestBed, openFlavorsTestBed } from '../../testing/flavors-test-bed';
import { DefineFlavorCommand } from '../define-flavor/define-flavor.command';
import { DefineFlavorHandler } from '../define-flavor/define-flavor.handler';
import { DeleteFlavorExtraSpecCommand } from '../delete-flavor-extra-spec/delete-flavor-extra-spec.command';
import { DeleteFlavorExtraSpecHandler } from '../delete-flavor-extra-spec/delete-flavor-extra-spec.handler';
import { SetFlavorExtraSpecsCommand } from './set-flavor-extra-specs.command';
import { SetFlavorExtraSpecsHandler } from './set-flavor-extra-specs.handler';

describe('SetFlavorExtraSpecsHandler and DeleteFlavorExtraSpecHandler (PGlite)', () => {
  let bed: FlavorsTestBed;
  let set: SetFlavorExtraSpecsHandler;
  let unset: DeleteFlavorExtraSpecHandler;

  beforeAll(async () => {
    bed = await openFlavorsTestBed();
    await new DefineFlavorHandler(bed.writer(), bed.sql).execute(
      new DefineFlavorCommand({ flavorId: 'gpu', definition: M1_SMALL }, flavorAdminContext()),
    );
    set = new SetFlavorExtraSpecsHandler(bed.writer());
    unset = new DeleteFlavorExtraSpecHandler(bed.writer());
  });
  afterAll(() => bed.close());

  it('merges specs, answers all of them, and the servers API reads the affinity tag from the row', async () => {
    await set.execute(new SetFlavorExtraSpecsCommand('gpu', { 'hw:cpu_policy': 'shared' }, flavorAdminContext()));
    const specs = await set.execute(
      new SetFlavorExtraSpecsCommand(
        'gpu',
        { 'podgate:affinity_tag': 'gpu', 'hw:cpu_policy': 'dedicated' },
        flavorAdminContext(),
      ),
    );
    expect(specs).toEqual({ 'hw:cpu_policy': 'dedicated', 'podgate:affinity_tag': 'gpu' });
    const row = await findLiveFlavor(bed.sql, 'gpu');
    expect(row?.extraSpecs).toEqual(specs);
    expect(affinityTagOf(row!.extraSpecs)).toBe('gpu');
    expect(row?.generation).toBe(3);
  });

  it('deletes a key, answering 404 in Nova’s words for a key the flavor has not', async () => {
    await unset.execute(new DeleteFlavorExtraSpecCommand('gpu', 'podgate:affinity_tag', flavorAdminContext()));
    expect((await findLiveFlavor(bed.sql, 'gpu'))?.extraSpecs).toEqual({ 'hw:cpu_policy': 'dedicated' });
    await expect(
      unset.execute(new DeleteFlavorExtraSpecCommand('gpu', 'podgate:affinity_tag', flavorAdminContext())),
    ).rejects.toThrow(new FlavorExtraSpecNotFoundError('gpu', 'podgate:affinity_tag'));
  });

  it('refuses bad keys, a blank affinity tag and an unknown flavor', async () => {
    await expect(set.execute(new SetFlavorExtraSpecsCommand('gpu', { 'a/b': 'x' }, flavorAdminContext()))).rejects.toBeInstanceOf(
      InvalidFlavorError,
    );
    await expect(
      set.execute(new SetFlavorExtraSpecsCommand('gpu', { 'podgate:affinity_tag': ' ' }, flavorAdminContext())),
    ).rejects.toBeInstanceOf(InvalidFlavorError);
    await expect(set.execute(new SetFlavorExtraSpecsCommand('nope', { a: 'b' }, flavorAdminContext()))).rejects.toBeInstanceOf(
      FlavorNotFoundError,
    );
  });
});
