import { withSyncedPod as advanceSyncedPod } from '@podgate/pod-sync';
import type { FlavorDefinition, FlavorEvent } from './flavor.events';
import { bumpsFlavorGeneration } from './flavor.events';

export interface LiveFlavor {
  readonly flavorId: string;
  readonly definition: FlavorDefinition;
  readonly extraSpecs: Readonly<Record<string, string>>;
  /** Projects given access to a private flavor, in the order they were added. */
  readonly projects: readonly string[];
}

/**
 * `generation`: how many events so far changed what a pod must hold (0: never defined).
 * `syncedPods`: the last generation each pod is known to hold. A pod where a push failed before any
 * success is kept at 0: the failure may have come after the pod created the flavor (a timeout),
 * so a later deletion must still visit it. Deleting there what is absent is the pusher's no-op.
 */
export type FlavorState =
  | { readonly status: 'undefined'; readonly generation: number; readonly syncedPods: ReadonlyMap<string, number> }
  | {
      readonly status: 'defined';
      readonly generation: number;
      readonly syncedPods: ReadonlyMap<string, number>;
      readonly flavor: LiveFlavor;
    }
  | {
      readonly status: 'deleted';
      readonly generation: number;
      readonly syncedPods: ReadonlyMap<string, number>;
      readonly flavorId: string;
    };

export const initialFlavorState: FlavorState = { status: 'undefined', generation: 0, syncedPods: new Map() };

export function evolveFlavor(state: FlavorState, event: FlavorEvent): FlavorState {
  const next: FlavorState = bumpsFlavorGeneration(event) ? { ...state, generation: state.generation + 1 } : state;
  switch (event.type) {
    case 'FlavorDefined': {
      const { flavorId, ...definition } = event.data;
      const flavor: LiveFlavor = { flavorId, definition, extraSpecs: {}, projects: [] };
      return { status: 'defined', generation: next.generation, syncedPods: next.syncedPods, flavor };
    }
    case 'FlavorDeleted':
      return { status: 'deleted', generation: next.generation, syncedPods: next.syncedPods, flavorId: event.data.flavorId };
    case 'FlavorDescriptionUpdated':
      return withFlavor(next, (flavor) => ({
        ...flavor,
        definition: { ...flavor.definition, description: event.data.description },
      }));
    case 'FlavorExtraSpecsSet':
      return withFlavor(next, (flavor) => ({ ...flavor, extraSpecs: { ...flavor.extraSpecs, ...event.data.specs } }));
    case 'FlavorExtraSpecDeleted':
      return withFlavor(next, (flavor) => {
        const { [event.data.key]: _removed, ...extraSpecs } = flavor.extraSpecs;
        return { ...flavor, extraSpecs };
      });
    case 'FlavorAccessAdded':
      return withFlavor(next, (flavor) => ({ ...flavor, projects: [...flavor.projects, event.data.projectId] }));
    case 'FlavorAccessRemoved':
      return withFlavor(next, (flavor) => ({
        ...flavor,
        projects: flavor.projects.filter((projectId) => projectId !== event.data.projectId),
      }));
    case 'FlavorSyncedToPod':
      return withSyncedPod(next, event.data.podId, event.data.generation);
    case 'FlavorSyncFailed':
      return withSyncedPod(next, event.data.podId, 0);
    default:
      return unreachable(event);
  }
}

function withFlavor(state: FlavorState, change: (flavor: LiveFlavor) => LiveFlavor): FlavorState {
  return state.status === 'defined' ? { ...state, flavor: change(state.flavor) } : state;
}

function withSyncedPod(state: FlavorState, podId: string, generation: number): FlavorState {
  const syncedPods = advanceSyncedPod(state.syncedPods, podId, generation);
  return syncedPods === state.syncedPods ? state : { ...state, syncedPods };
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
