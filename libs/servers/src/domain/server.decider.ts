import type { Decider } from '@podgate/kernel';
import { MAX_FAILURE_MESSAGE_LENGTH } from '@podgate/routed-resources';
import type { ServerCreatedData, ServerProvisioningRequestedData, ServerStreamEvent } from './server.events';
import {
  ServerActionNotRequestedError,
  ServerNotFoundError,
  ServerProvisioningNotRequestedError,
  ServerRecordConflictError,
} from './server.errors';
import { type KnownServer, type ServerState, evolveServer, initialServerState } from './server.state';

export { MAX_FAILURE_MESSAGE_LENGTH } from '@podgate/routed-resources';

/**
 * `status`: the pod's HTTP status, 503/504 when it could not be reached or did not answer in time, or podgate's own refusal's (400).
 * `secrets`: values from the request body (adminPass, user_data, ...) to scrub from `message`, since
 * Nova's validation errors echo the invalid value ("Invalid input for field/attribute adminPass.
 * Value: ..."). They live in the command only, in memory; no event ever carries them.
 */
export interface PodAnswer {
  readonly status: number;
  readonly message?: string;
  readonly secrets?: readonly string[];
}

export type ServerCommand =
  /** The handler folds the intent stream; the server stream does not exist yet. */
  | { readonly type: 'RequestServerProvisioning'; readonly intent: ServerProvisioningRequestedData }
  /**
   * The handler (or the provisioning confirmer, adopting a tagged bottom server) folds the intent stream and
   * then `server-<serverId>`, in that order; the events decided go to the server stream.
   */
  | { readonly type: 'RecordServerCreated'; readonly provisioningId: string; readonly serverId: string }
  | ({ readonly type: 'RecordServerProvisioningFailed'; readonly provisioningId: string } & PodAnswer)
  /** From here on the handler folds `server-<serverId>` alone. */
  | { readonly type: 'RequestServerAction'; readonly serverId: string; readonly actionId: string; readonly action: string }
  /** A 2xx status is success, anything else failure: the event follows the pod's answer, not the caller's reading of it. */
  | ({ readonly type: 'RecordServerActionOutcome'; readonly serverId: string; readonly actionId: string } & PodAnswer)
  | { readonly type: 'RequestServerDelete'; readonly serverId: string; readonly deleteId: string }
  /**
   * `deleteId`: the delete request whose acceptance the pod has now confirmed (the deletion
   * confirmer knows it); absent when the server was simply found gone.
   */
  | { readonly type: 'RecordServerDeleted'; readonly serverId: string; readonly deleteId?: string };

/**
 * Pure. Repeating a request or a record that is already true records nothing, so a re-run handler
 * and a background confirmer racing it are harmless; a record contradicting the first one is refused.
 */
export function decideServer(command: ServerCommand, state: ServerState): ServerStreamEvent[] {
  switch (command.type) {
    case 'RequestServerProvisioning': {
      if (state.status === 'unknown') return [{ type: 'ServerProvisioningRequested', data: { ...command.intent } }];
      if (state.server.provisioningId !== command.intent.provisioningId) {
        throw new ServerRecordConflictError(`this stream holds provisioning ${state.server.provisioningId}`);
      }
      return [];
    }
    case 'RecordServerCreated': {
      if (state.status === 'unknown') throw new ServerProvisioningNotRequestedError(command.provisioningId);
      if (state.status === 'created' || state.status === 'deleted') {
        if (state.server.serverId === command.serverId) return [];
        throw new ServerRecordConflictError(`provisioning ${command.provisioningId} already created ${state.server.serverId}`);
      }
      // Also after a recorded failure: a timed-out create may still have made a server, which the
      // provisioning confirmer adopts. The pod is the truth, and an unrouted server would be an invisible orphan.
      const created: ServerCreatedData = { ...state.server, serverId: command.serverId };
      const { serverId, podId, projectId, azName } = created;
      return [
        { type: 'ServerCreated', data: created },
        {
          type: 'ResourceRouted',
          data: { resourceType: 'server', topId: serverId, bottomId: serverId, podId, projectId, azName },
        },
      ];
    }
    case 'RecordServerProvisioningFailed': {
      if (state.status === 'unknown') throw new ServerProvisioningNotRequestedError(command.provisioningId);
      // Already failed: a repeat. Already created: the server exists (the confirmer adopted it while
      // the handler waited), so a late "failure" is not the truth and is not recorded.
      if (state.status !== 'provisioning') return [];
      const { provisioningId, podId } = state.server;
      return [{ type: 'ServerProvisioningFailed', data: { provisioningId, podId, ...failure(command) } }];
    }
    case 'RequestServerAction': {
      const server = existing(state, command.serverId);
      if (Object.hasOwn(server.actions, command.actionId)) return [];
      const { serverId, actionId, action } = command;
      const { podId, projectId } = server.server;
      return [{ type: 'ServerActionRequested', data: { serverId, podId, projectId, actionId, action } }];
    }
    case 'RecordServerActionOutcome':
      return decideActionOutcome(command, state);
    case 'RequestServerDelete': {
      const server = existing(state, command.serverId);
      if (server.deleteIds.includes(command.deleteId)) return [];
      const { serverId, deleteId } = command;
      const { podId, projectId } = server.server;
      return [{ type: 'ServerDeleteRequested', data: { serverId, podId, projectId, deleteId } }];
    }
    case 'RecordServerDeleted': {
      if (state.status === 'deleted' && state.server.serverId === command.serverId) return [];
      const known = existing(state, command.serverId);
      const { serverId, podId, projectId } = known.server;
      // No delete request the pod took: the server vanished from its pod (deleted there, or found
      // gone by a show). Its route must go all the same, or every GET would hit the pod for a 404.
      const deleteId = confirmedDelete(known, command.deleteId);
      return [
        { type: 'ServerDeleted', data: { serverId, podId, projectId, deleteId } },
        { type: 'ResourceUnrouted', data: { resourceType: 'server', topId: serverId, podId } },
      ];
    }
    default:
      return unreachable(command);
  }
}

/**
 * An outcome needs its request. Works on a deleted server too: the pod answered before or while
 * the server went, and that answer is a fact. An unknown action id is refused, not ignored: only the
 * handler that appended the request records outcomes, so an unknown
 * id means a wrong stream or a lost request, a bug that silently dropping the pod's answer would hide.
 */
function decideActionOutcome(
  command: Extract<ServerCommand, { type: 'RecordServerActionOutcome' }>,
  state: ServerState,
): ServerStreamEvent[] {
  if (state.status !== 'created' && state.status !== 'deleted') throw new ServerNotFoundError(command.serverId);
  const { serverId, actionId } = command;
  const { projectId } = state.server;
  const record = Object.hasOwn(state.actions, actionId) ? state.actions[actionId] : undefined;
  if (!record) throw new ServerActionNotRequestedError(serverId, actionId);
  const succeeded = isSuccess(assertStatus(command.status));
  if (record.outcome) {
    if (record.outcome.succeeded === succeeded && record.outcome.status === command.status) return [];
    throw new ServerRecordConflictError(`action ${actionId} on server ${serverId} already ended with ${record.outcome.status}`);
  }
  return succeeded
    ? [{ type: 'ServerActionSucceeded', data: { serverId, projectId, actionId, status: command.status } }]
    : [{ type: 'ServerActionFailed', data: { serverId, projectId, actionId, ...failure(command) } }];
}

/**
 * The delete the pod confirmed: the one named (its 2xx is known to the caller), if it was asked;
 * else the last one the pod did not refuse; else none.
 */
function confirmedDelete(server: KnownServer, named: string | undefined): string | null {
  if (named !== undefined && server.deleteIds.includes(named)) return named;
  return server.deleteIds.filter((id) => !server.refusedDeleteIds.includes(id)).at(-1) ?? null;
}

/** Actions and deletes need a server that was created and not deleted, as Nova answers 404 otherwise. */
function existing(state: ServerState, serverId: string): KnownServer {
  if (state.status !== 'created' || state.server.serverId !== serverId) throw new ServerNotFoundError(serverId);
  return state;
}

function failure(answer: PodAnswer): { status: number; message: string } {
  const status = assertStatus(answer.status);
  let message = answer.message ?? '';
  for (const secret of answer.secrets ?? []) {
    if (secret.length > 0) message = message.split(secret).join('***');
  }
  return { status, message: (message.trim() || `HTTP ${status}`).slice(0, MAX_FAILURE_MESSAGE_LENGTH) };
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** A bug in the caller, not a domain refusal: plain Error, so it is a 500 and gets noticed. */
function assertStatus(status: number): number {
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new RangeError(`not an HTTP status: ${status}`);
  return status;
}

export const serverDecider: Decider<ServerCommand, ServerStreamEvent, ServerState> = {
  decide: decideServer,
  evolve: evolveServer,
  initialState: initialServerState,
};

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
