import type { Decider } from '@podgate/kernel';
import { isSyncRecordNews, syncFailureRecord } from '@podgate/pod-sync';
import type { FlavorDefinition, FlavorEvent } from './flavor.events';
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
import { type FlavorState, type LiveFlavor, evolveFlavor, initialFlavorState } from './flavor.state';
import { assertExtraSpecs, assertFlavorDefinition, assertFlavorId, assertProjectId } from './flavor.validation';

export type FlavorCommand =
  /**
   * The handler has checked rm_flavors for a live flavor of the same name (FlavorNameExistsError)
   * and, when the client sent no id, chosen one (a UUID, derived from the request id so a re-run
   * meets the same stream).
   */
  | { readonly type: 'DefineFlavor'; readonly flavorId: string; readonly definition: FlavorDefinition }
  | { readonly type: 'DeleteFlavor'; readonly flavorId: string }
  /** Microversion 2.55+: null clears it. Setting the same description again records nothing. */
  | { readonly type: 'UpdateFlavorDescription'; readonly flavorId: string; readonly description: string | null }
  | { readonly type: 'SetFlavorExtraSpecs'; readonly flavorId: string; readonly specs: Readonly<Record<string, string>> }
  | { readonly type: 'DeleteFlavorExtraSpec'; readonly flavorId: string; readonly key: string }
  | { readonly type: 'AddFlavorAccess'; readonly flavorId: string; readonly projectId: string }
  | { readonly type: 'RemoveFlavorAccess'; readonly flavorId: string; readonly projectId: string }
  /** From the reconciler: the pod now holds `generation` (a push, or the deletion's removal). */
  | { readonly type: 'RecordFlavorSync'; readonly flavorId: string; readonly podId: string; readonly generation: number }
  | {
      readonly type: 'RecordFlavorSyncFailure';
      readonly flavorId: string;
      readonly podId: string;
      readonly generation: number;
      readonly status?: number;
      readonly message: string;
    };

/**
 * Pure. Admin commands follow Nova: a second definition of a live id is 409, anything on a flavor
 * that is not live is 404 (Nova deletes flavors for good; the id may be defined again). Sync records
 * are accepted on deleted flavors too, since removing a flavor from pods happens after its deletion.
 */
export function decideFlavor(command: FlavorCommand, state: FlavorState): FlavorEvent[] {
  switch (command.type) {
    case 'DefineFlavor':
      if (state.status === 'defined') throw new FlavorIdExistsError(command.flavorId);
      assertFlavorId(command.flavorId);
      assertFlavorDefinition(command.definition);
      return [{ type: 'FlavorDefined', data: { flavorId: command.flavorId, ...command.definition } }];
    case 'DeleteFlavor':
      live(state, command.flavorId);
      return [{ type: 'FlavorDeleted', data: { flavorId: command.flavorId } }];
    case 'UpdateFlavorDescription': {
      const flavor = live(state, command.flavorId);
      assertFlavorDefinition({ ...flavor.definition, description: command.description });
      if (flavor.definition.description === command.description) return [];
      return [{ type: 'FlavorDescriptionUpdated', data: { flavorId: command.flavorId, description: command.description } }];
    }
    case 'SetFlavorExtraSpecs':
      return setExtraSpecs(live(state, command.flavorId), command.specs);
    case 'DeleteFlavorExtraSpec': {
      const flavor = live(state, command.flavorId);
      if (!Object.hasOwn(flavor.extraSpecs, command.key)) throw new FlavorExtraSpecNotFoundError(command.flavorId, command.key);
      return [{ type: 'FlavorExtraSpecDeleted', data: { flavorId: command.flavorId, key: command.key } }];
    }
    case 'AddFlavorAccess': {
      const flavor = live(state, command.flavorId);
      assertProjectId(command.projectId);
      if (flavor.definition.isPublic) throw new FlavorAccessOnPublicFlavorError();
      if (flavor.projects.includes(command.projectId)) throw new FlavorAccessExistsError(command.flavorId, command.projectId);
      return [{ type: 'FlavorAccessAdded', data: { flavorId: command.flavorId, projectId: command.projectId } }];
    }
    case 'RemoveFlavorAccess': {
      // A public flavor has no access list, so Nova answers 404 here, not 409.
      const flavor = live(state, command.flavorId);
      if (!flavor.projects.includes(command.projectId)) throw new FlavorAccessNotFoundError(command.flavorId, command.projectId);
      return [{ type: 'FlavorAccessRemoved', data: { flavorId: command.flavorId, projectId: command.projectId } }];
    }
    case 'RecordFlavorSync': {
      const { flavorId, podId, generation } = command;
      if (!isNewerThanHeld(state, flavorId, podId, generation)) return [];
      return [{ type: 'FlavorSyncedToPod', data: { flavorId, podId, generation } }];
    }
    case 'RecordFlavorSyncFailure':
      return recordSyncFailure(command, state);
    default:
      return unreachable(command);
  }
}

export const flavorDecider: Decider<FlavorCommand, FlavorEvent, FlavorState> = {
  decide: decideFlavor,
  evolve: evolveFlavor,
  initialState: initialFlavorState,
};

/** Only the keys whose value changes; setting what is already set records nothing. */
function setExtraSpecs(flavor: LiveFlavor, specs: Readonly<Record<string, string>>): FlavorEvent[] {
  assertExtraSpecs(specs);
  const changed = Object.entries(specs).filter(
    ([key, value]) => !Object.hasOwn(flavor.extraSpecs, key) || flavor.extraSpecs[key] !== value,
  );
  if (changed.length === 0) return [];
  return [{ type: 'FlavorExtraSpecsSet', data: { flavorId: flavor.flavorId, specs: Object.fromEntries(changed) } }];
}

function recordSyncFailure(
  command: Extract<FlavorCommand, { type: 'RecordFlavorSyncFailure' }>,
  state: FlavorState,
): FlavorEvent[] {
  const { flavorId, podId, generation } = command;
  // A failure the pod has since overtaken (another replica's push succeeded) is no longer news.
  if (!isNewerThanHeld(state, flavorId, podId, generation)) return [];
  const failure = syncFailureRecord(command, (message) => new InvalidFlavorError(message));
  return [{ type: 'FlavorSyncFailed', data: { flavorId, podId, generation, ...failure } }];
}

function live(state: FlavorState, flavorId: string): LiveFlavor {
  if (state.status !== 'defined') throw new FlavorNotFoundError(flavorId);
  return state.flavor;
}

/** A generation the stream has not reached is a reconciler bug; one the pod already holds is a repeat. */
function isNewerThanHeld(state: FlavorState, flavorId: string, podId: string, generation: number): boolean {
  if (state.status === 'undefined') throw new FlavorNotFoundError(flavorId);
  return isSyncRecordNews(state, podId, generation, () => new FlavorSyncGenerationError(flavorId, generation, state.generation));
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
