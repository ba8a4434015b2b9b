import { fixedClock } from '@podgate/kernel';
import { FlavorIdExistsError, FlavorNameExistsError, InvalidFlavorError } from '../../domain/flavor.errors';
import { findLiveFlavor } from '../../queries/flavors/find-flavor.query';
import { M1_SMALL } from '../../testing/flavor-fixtures';
import { flavorAdminContext, type FlavorsTestBed, openFlavorsTestBed } from '../../testing/flavors-test-bed';
import { DeleteFlavorCommand } from '../delete-flavor/delete-flavor.command';
import { DeleteFlavorHandler } from '../delete-flavor/delete-flavor.handler';
import { DefineFlavorCommand } from './define-flavor.command';
import { DefineFlavorHandler } from './define-flavor.handler';

describe('DefineFlavorHandler (PGlite)', () => {
  let bed: FlavorsTestBed;
  let define: DefineFlavorHandler;
  let remove: DeleteFlavorHandler;

  beforeAll(async () => {
    bed = await openFlavorsTestBed();
    const writer = bed.writer({ clock: fixedClock('2026-03-01T10:00:00Z') });
    define = new DefineFlavorHandler(writer, bed.sql);
    remove = new DeleteFlavorHandler(writer);
  });
  afterAll(() => bed.close());

  it('defines a flavor, answers it as decided, and rm_flavors shows it when the handler returns', async () => {
    const view = await define.execute(new DefineFlavorCommand({ flavorId: 'small', definition: M1_SMALL }, flavorAdminContext()));
    const expected = { flavorId: 'small', ...M1_SMALL, extraSpecs: {}, projects: [], generation: 1 };
    expect(view).toEqual(expected);
    expect(await findLiveFlavor(bed.sql, 'small')).toEqual(expected);
  });

  it('refuses a live id (409) and a live name under another id (409), in Nova’s words', async () => {
    const again = define.execute(
      new DefineFlavorCommand({ flavorId: 'small', definition: { ...M1_SMALL, name: 'other' } }, flavorAdminContext()),
    );
    await expect(again).rejects.toThrow(new FlavorIdExistsError('small'));
    const sameName = define.execute(new DefineFlavorCommand({ flavorId: 'small-2', definition: M1_SMALL }, flavorAdminContext()));
    await expect(sameName).rejects.toThrow(new FlavorNameExistsError('m1.small'));
    await expect(sameName).rejects.toThrow('Flavor with name m1.small already exists.');
    expect(await findLiveFlavor(bed.sql, 'small-2')).toBeUndefined();
  });

  it('derives the id from the request id when none is given, so a re-run meets its own stream', async () => {
    const context = flavorAdminContext('req-00000000-0000-4000-8000-000000000042');
    const definition = { ...M1_SMALL, name: 'auto' };
    const first = await define.execute(new DefineFlavorCommand({ definition }, context));
    expect(first.flavorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expect(define.execute(new DefineFlavorCommand({ definition }, context))).rejects.toThrow(
      new FlavorIdExistsError(first.flavorId),
    );
    const other = await define.execute(
      new DefineFlavorCommand({ definition: { ...definition, name: 'auto-2' } }, flavorAdminContext()),
    );
    expect(other.flavorId).not.toBe(first.flavorId);
  });

  it('frees the id and the name on deletion; a new definition starts a new generation', async () => {
    await remove.execute(new DeleteFlavorCommand('small', flavorAdminContext()));
    expect(await findLiveFlavor(bed.sql, 'small')).toBeUndefined();
    const view = await define.execute(
      new DefineFlavorCommand({ flavorId: 'small-2', definition: M1_SMALL }, flavorAdminContext()),
    );
    expect(view.generation).toBe(1);
    const again = await define.execute(
      new DefineFlavorCommand({ flavorId: 'small', definition: { ...M1_SMALL, name: 'small again' } }, flavorAdminContext()),
    );
    expect(again.generation).toBe(3);
  });

  it('keeps a definition Nova would refuse out of the log', async () => {
    const bad = define.execute(
      new DefineFlavorCommand({ flavorId: ' bad', definition: { ...M1_SMALL, name: 'bad' } }, flavorAdminContext()),
    );
    await expect(bad).rejects.toBeInstanceOf(InvalidFlavorError);
    await expect(bed.store.readStream('flavor- bad')).rejects.toThrow();
  });
});
