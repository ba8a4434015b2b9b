import type { ServerCreatedData, ServerProvisioningRequestedData, ServerStreamEvent } from './server.events';

/** What a created server's stream needs to know of its provisioning: everything ServerCreated carries but the id. */
export type ProvisionedServer = Omit<ServerCreatedData, 'serverId'>;

export interface ActionRecord {
  readonly action: string;
  /** null while the pod's answer has not been recorded. */
  readonly outcome: { readonly succeeded: boolean; readonly status: number } | null;
}

/**
 * `unknown` -> `provisioning` -> `provisioningFailed` | `created` -> `deleted`, and
 * `provisioningFailed` -> `created` when a server the pod made after all is adopted.
 * Actions and delete requests are remembered by id, so repeating one records nothing.
 */
export type ServerState =
  | { readonly status: 'unknown' }
  | { readonly status: 'provisioning'; readonly server: ProvisionedServer }
  | {
      readonly status: 'provisioningFailed';
      readonly server: ProvisionedServer;
      readonly failure: { readonly status: number; readonly message: string };
    }
  | KnownServer;

/** A server the pod made, deleted or not: its stream still takes the outcomes of what was asked before. */
export interface KnownServer {
  readonly status: 'created' | 'deleted';
  readonly server: ServerCreatedData;
  readonly actions: Readonly<Record<string, ActionRecord>>;
  readonly deleteIds: readonly string[];
  /** The delete requests the pod refused (ServerDeleteFailed): never the one a ServerDeleted names. */
  readonly refusedDeleteIds: readonly string[];
}

export const initialServerState: ServerState = { status: 'unknown' };

/**
 * Folds either stream, or the intent stream followed by the server stream. ServerCreated is complete
 * on its own, so the server stream folds without its intent. The first intent and the first
 * creation stand; later contradictions are refused by the decider before they are ever written.
 */
export function evolveServer(state: ServerState, event: ServerStreamEvent): ServerState {
  switch (event.type) {
    case 'ServerProvisioningRequested':
      return state.status === 'unknown' ? { status: 'provisioning', server: provisionedFrom(event.data) } : state;
    case 'ServerProvisioningFailed': {
      if (state.status !== 'provisioning') return state;
      const { status, message } = event.data;
      return { status: 'provisioningFailed', server: state.server, failure: { status, message } };
    }
    case 'ServerCreated':
      return state.status === 'created' || state.status === 'deleted'
        ? state
        : { status: 'created', server: { ...event.data }, actions: {}, deleteIds: [], refusedDeleteIds: [] };
    case 'ServerActionRequested':
      return withActions(state, (actions) => ({
        ...actions,
        [event.data.actionId]: { action: event.data.action, outcome: null },
      }));
    case 'ServerActionSucceeded':
    case 'ServerActionFailed': {
      const { actionId, status } = event.data;
      const succeeded = event.type === 'ServerActionSucceeded';
      return withActions(state, (actions) =>
        Object.hasOwn(actions, actionId)
          ? { ...actions, [actionId]: { ...actions[actionId], outcome: { succeeded, status } } }
          : actions,
      );
    }
    case 'ServerDeleteRequested':
      return state.status === 'created' ? { ...state, deleteIds: [...state.deleteIds, event.data.deleteId] } : state;
    case 'ServerDeleteFailed':
      return state.status === 'created' || state.status === 'deleted'
        ? { ...state, refusedDeleteIds: [...state.refusedDeleteIds, event.data.deleteId] }
        : state;
    case 'ServerDeleted':
      return state.status === 'created' ? { ...state, status: 'deleted' } : state;
    case 'ResourceRouted':
    case 'ResourceUnrouted':
      return state; // the route mirrors ServerCreated / ServerDeleted, appended with them
    default:
      return unreachable(event);
  }
}

function provisionedFrom(intent: ServerProvisioningRequestedData): ProvisionedServer {
  const { provisioningId, podId, projectId, azName, bindingId, name } = intent;
  return { provisioningId, podId, projectId, azName, bindingId, name };
}

function withActions(
  state: ServerState,
  change: (actions: Readonly<Record<string, ActionRecord>>) => Readonly<Record<string, ActionRecord>>,
): ServerState {
  return state.status === 'created' || state.status === 'deleted' ? { ...state, actions: change(state.actions) } : state;
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
