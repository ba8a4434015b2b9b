import { foldEvents, specify } from '@podgate/kernel';
import { flavorDecider } from './flavor.decider';
import {
  FlavorAccessExistsError,
  FlavorAccessNotFoundError,
  FlavorAccessOnPublicFlavorError,
  FlavorExtraSpecNotFoundError,
  FlavorIdExistsError,
  FlavorNotFoundError,
  FlavorSyncGenerationError,
  InvalidFlavorError,
} from './flavor.errors';
import type { FlavorDefinition, FlavorEvent } from './flavor.events';
import { M1_SMALL } from '../testing/flavor-fixtures';

const flavorId = 'm1.small';
const definition = M1_SMALL;
const defined: FlavorEvent = { type: 'FlavorDefined', data: { flavorId, ...definition } };
const privateDefined: FlavorEvent = { type: 'FlavorDefined', data: { flavorId, ...definition, isPublic: false } };
const deleted: FlavorEvent = { type: 'FlavorDeleted', data: { flavorId } };
const specsSet: FlavorEvent = { type: 'FlavorExtraSpecsSet', data: { flavorId, specs: { 'hw:cpu_policy': 'dedicated' } } };
const accessAdded: FlavorEvent = { type: 'FlavorAccessAdded', data: { flavorId, projectId: 'p1' } };
const synced = (podId: string, generation: number): FlavorEvent => ({
  type: 'FlavorSyncedToPod',
  data: { flavorId, podId, generation },
});
const flavor = specify(flavorDecider);

describe('flavor decider', () => {
  describe('defining', () => {
    it('defines a new flavor', () => {
      expect(flavor.given([]).when({ type: 'DefineFlavor', flavorId, definition })).toEqual({ events: [defined] });
    });

    it('refuses a second definition of a live id with Nova’s 409', () => {
      const { error } = flavor.given([defined]).when({ type: 'DefineFlavor', flavorId, definition });
      expect(error).toBeInstanceOf(FlavorIdExistsError);
      expect((error as Error).message).toBe('Flavor with ID m1.small already exists.');
    });

    it('defines an id again after its deletion, as Nova deletes flavors for good', () => {
      const again = { ...definition, ram: 4096 };
      expect(flavor.given([defined, deleted]).when({ type: 'DefineFlavor', flavorId, definition: again })).toEqual({
        events: [{ type: 'FlavorDefined', data: { flavorId, ...again } }],
      });
    });

    it('refuses a definition Nova would refuse', () => {
      const define = (changes: Partial<FlavorDefinition>, id = flavorId) =>
        flavor.given([]).when({ type: 'DefineFlavor', flavorId: id, definition: { ...definition, ...changes } }).error;
      expect(define({ ram: 0 })).toBeInstanceOf(InvalidFlavorError);
      expect(define({}, ' leading')).toBeInstanceOf(InvalidFlavorError);
    });
  });

  describe('on a flavor that is not live', () => {
    it.each([
      { type: 'DeleteFlavor', flavorId },
      { type: 'UpdateFlavorDescription', flavorId, description: 'x' },
      { type: 'SetFlavorExtraSpecs', flavorId, specs: { a: 'b' } },
      { type: 'DeleteFlavorExtraSpec', flavorId, key: 'hw:cpu_policy' },
      { type: 'AddFlavorAccess', flavorId, projectId: 'p1' },
      { type: 'RemoveFlavorAccess', flavorId, projectId: 'p1' },
    ] as const)('answers $type with 404, never defined or deleted', (command) => {
      expect(flavor.given([]).when(command).error).toBeInstanceOf(FlavorNotFoundError);
      const { error } = flavor.given([privateDefined, specsSet, accessAdded, deleted]).when(command);
      expect(error).toBeInstanceOf(FlavorNotFoundError);
      expect((error as Error).message).toBe('Flavor m1.small could not be found.');
    });
  });

  it('deletes a live flavor', () => {
    expect(flavor.given([defined]).when({ type: 'DeleteFlavor', flavorId })).toEqual({ events: [deleted] });
  });

  describe('description (2.55+)', () => {
    const described = (description: string | null): FlavorEvent => ({
      type: 'FlavorDescriptionUpdated',
      data: { flavorId, description },
    });

    it('updates and clears it, records nothing when unchanged, and counts a generation', () => {
      expect(flavor.given([defined]).when({ type: 'UpdateFlavorDescription', flavorId, description: 'fast' })).toEqual({
        events: [described('fast')],
      });
      expect(
        flavor.given([defined, described('fast')]).when({ type: 'UpdateFlavorDescription', flavorId, description: null }),
      ).toEqual({ events: [described(null)] });
      expect(flavor.given([defined]).when({ type: 'UpdateFlavorDescription', flavorId, description: null })).toEqual({
        events: [],
      });
      const state = foldEvents(flavorDecider, [defined, described('fast')]);
      expect(state).toMatchObject({ generation: 2, flavor: { definition: { ...definition, description: 'fast' } } });
    });

    it('refuses a description Nova would refuse', () => {
      const { error } = flavor.given([defined]).when({ type: 'UpdateFlavorDescription', flavorId, description: 'a\nb' });
      expect(error).toBeInstanceOf(InvalidFlavorError);
    });
  });

  describe('extra specs', () => {
    it('records only the keys whose value changes', () => {
      const when = flavor.given([defined, specsSet]).when({
        type: 'SetFlavorExtraSpecs',
        flavorId,
        specs: { 'hw:cpu_policy': 'dedicated', 'podgate:affinity_tag': 'gpu' },
      });
      expect(when).toEqual({
        events: [{ type: 'FlavorExtraSpecsSet', data: { flavorId, specs: { 'podgate:affinity_tag': 'gpu' } } }],
      });
      expect(flavor.given([defined, specsSet]).when({ type: 'SetFlavorExtraSpecs', flavorId, specs: {} })).toEqual({
        events: [],
      });
    });

    it('refuses a key outside Nova’s pattern and a blank affinity tag', () => {
      const set = (specs: Record<string, string>) =>
        flavor.given([defined]).when({ type: 'SetFlavorExtraSpecs', flavorId, specs });
      expect(set({ 'hw/cpu': 'x' }).error).toBeInstanceOf(InvalidFlavorError);
      expect(set({ 'podgate:affinity_tag': ' ' }).error).toBeInstanceOf(InvalidFlavorError);
    });

    it('deletes a key it has, and answers 404 in Nova’s words for one it has not', () => {
      expect(flavor.given([defined, specsSet]).when({ type: 'DeleteFlavorExtraSpec', flavorId, key: 'hw:cpu_policy' })).toEqual({
        events: [{ type: 'FlavorExtraSpecDeleted', data: { flavorId, key: 'hw:cpu_policy' } }],
      });
      const { error } = flavor.given([defined]).when({ type: 'DeleteFlavorExtraSpec', flavorId, key: 'hw:cpu_policy' });
      expect(error).toBeInstanceOf(FlavorExtraSpecNotFoundError);
      expect((error as Error).message).toBe('Flavor m1.small has no extra specs with key hw:cpu_policy.');
    });
  });

  describe('access', () => {
    it('adds and removes a project on a private flavor', () => {
      expect(flavor.given([privateDefined]).when({ type: 'AddFlavorAccess', flavorId, projectId: 'p1' })).toEqual({
        events: [accessAdded],
      });
      expect(flavor.given([privateDefined, accessAdded]).when({ type: 'RemoveFlavorAccess', flavorId, projectId: 'p1' })).toEqual(
        {
          events: [{ type: 'FlavorAccessRemoved', data: { flavorId, projectId: 'p1' } }],
        },
      );
    });

    it('refuses access to a public flavor with Nova’s 409', () => {
      const { error } = flavor.given([defined]).when({ type: 'AddFlavorAccess', flavorId, projectId: 'p1' });
      expect(error).toBeInstanceOf(FlavorAccessOnPublicFlavorError);
      expect((error as Error).message).toBe('Can not add access to a public flavor.');
    });

    it('answers a second grant with 409 and removing an absent one with 404, as Nova does', () => {
      expect(
        flavor.given([privateDefined, accessAdded]).when({ type: 'AddFlavorAccess', flavorId, projectId: 'p1' }).error,
      ).toBeInstanceOf(FlavorAccessExistsError);
      expect(flavor.given([privateDefined]).when({ type: 'RemoveFlavorAccess', flavorId, projectId: 'p1' }).error).toBeInstanceOf(
        FlavorAccessNotFoundError,
      );
      expect(flavor.given([defined]).when({ type: 'RemoveFlavorAccess', flavorId, projectId: 'p1' }).error).toBeInstanceOf(
        FlavorAccessNotFoundError,
      );
    });
  });

  describe('sync records', () => {
    it('counts a generation per change, never per sync record', () => {
      expect(foldEvents(flavorDecider, [defined]).generation).toBe(1);
      expect(foldEvents(flavorDecider, [privateDefined, specsSet, accessAdded, synced('pod-a', 3)]).generation).toBe(3);
      expect(foldEvents(flavorDecider, [defined, deleted, defined]).generation).toBe(3);
    });

    it('records a push once, and never moves a pod backwards', () => {
      const record = { type: 'RecordFlavorSync', flavorId, podId: 'pod-a', generation: 1 } as const;
      expect(flavor.given([defined, specsSet]).when(record)).toEqual({ events: [synced('pod-a', 1)] });
      expect(flavor.given([defined, specsSet, synced('pod-a', 1)]).when(record)).toEqual({ events: [] });
      expect(flavor.given([defined, specsSet, synced('pod-a', 2)]).when(record)).toEqual({ events: [] });
    });

    it('records the removal from a pod after the flavor’s deletion', () => {
      expect(
        flavor
          .given([defined, synced('pod-a', 1), deleted])
          .when({ type: 'RecordFlavorSync', flavorId, podId: 'pod-a', generation: 2 }),
      ).toEqual({ events: [synced('pod-a', 2)] });
    });

    it('refuses a generation the stream has not reached, and a flavor never defined', () => {
      const record = { type: 'RecordFlavorSync', flavorId, podId: 'pod-a', generation: 2 } as const;
      expect(flavor.given([defined]).when(record).error).toBeInstanceOf(FlavorSyncGenerationError);
      expect(flavor.given([]).when(record).error).toBeInstanceOf(FlavorNotFoundError);
    });

    it('records each failure, capped, until the pod holds that generation', () => {
      const failure = {
        type: 'RecordFlavorSyncFailure',
        flavorId,
        podId: 'pod-a',
        generation: 1,
        status: 400,
        message: 'x'.repeat(600),
      } as const;
      const failed: FlavorEvent = {
        type: 'FlavorSyncFailed',
        data: { flavorId, podId: 'pod-a', generation: 1, status: 400, message: 'x'.repeat(500) },
      };
      expect(flavor.given([defined]).when(failure)).toEqual({ events: [failed] });
      expect(flavor.given([defined, failed]).when(failure)).toEqual({ events: [failed] });
      expect(flavor.given([defined, failed, synced('pod-a', 1)]).when(failure)).toEqual({ events: [] });
      const unreachable = flavor.given([defined]).when({ ...failure, status: undefined, message: 'timed out' });
      expect(unreachable.events?.[0]?.data).toEqual({ flavorId, podId: 'pod-a', generation: 1, message: 'timed out' });
    });
  });
});
