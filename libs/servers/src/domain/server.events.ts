import type { RoutingEvent } from '@podgate/routing';
import type { ServerRequestSummary } from './server-request-summary';

/**
 * What happens to a server behind podgate, as permanent event names with plain JSON data.
 *
 * Two streams per server, because the public server id is the pod's id (as Trio2o did) and is only
 * known once the pod has answered, while the intent must be durable before the call is forwarded:
 * - `serverProvisioning-<provisioningId>`: ServerProvisioningRequested, then ServerProvisioningFailed
 *   when the pod refused. `provisioningId` is podgate's, derived from the request id, and sent to
 *   the pod as metadata on the bottom server (see server.stream.ts).
 * - `server-<serverId>`: everything from ServerCreated on, each creation and deletion in one append
 *   with routing's ResourceRouted / ResourceUnrouted, so a server and its route never disagree.
 * ServerCreated repeats what the intent knew (project, AZ, pod, binding), so the server stream
 * alone folds into a complete state: actions and deletes never read the intent stream.
 */
export interface ServerProvisioningRequestedData {
  readonly provisioningId: string;
  readonly projectId: string;
  /** The user-visible AZ the server was placed in (the pod's own AZ is the pod's profile). */
  readonly azName: string;
  readonly podId: string;
  /** The tenant binding that chose the pod, so the audit can tell why this pod. */
  readonly bindingId: string;
  readonly flavorRef: string;
  /** null when booting from a volume, where Nova accepts no image. */
  readonly imageRef: string | null;
  readonly name: string;
  /**
   * SECURITY: a summary, never the body. `user_data` (cloud-init, routinely carrying passwords, keys
   * and tokens), `adminPass` (a root password) and `personality` contents are left out, as are
   * metadata values: events are append-only and cannot be redacted later, they are copied to
   * rm_audit and exported to auditors, and they live as long as the log and its backups.
   */
  readonly request: ServerRequestSummary;
}

export interface ServerCreatedData {
  /** The pod's server id, which is also the public id (top id = bottom id). */
  readonly serverId: string;
  readonly provisioningId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly azName: string;
  readonly bindingId: string;
  readonly name: string;
}

/** `status` is the pod's HTTP status, 503/504 when the pod could not be reached or did not answer in time, or podgate's own refusal's (e.g. 400 for a path it will not forward). */
export interface ServerProvisioningFailedData {
  readonly provisioningId: string;
  readonly podId: string;
  readonly status: number;
  /** The pod's fault message, capped and scrubbed of the request's secrets (Nova echoes invalid values). */
  readonly message: string;
}

/**
 * `actionId` ties an outcome to its request: two clients may act on one server at once and the
 * pod's answers arrive in any order. It is derived from the request id, so a retry is the same action.
 */
/**
 * The action and delete events name the server's tenant (`projectId`), as creation does, so the
 * audit files an admin's action on a tenant's server under that tenant, where its auditors look.
 */
export interface ServerActionRequestedData {
  readonly serverId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly actionId: string;
  /** Nova's action key as sent (`reboot`, `os-stop`, `createImage`, ...); its body is never recorded. */
  readonly action: string;
}

export interface ServerActionSucceededData {
  readonly serverId: string;
  readonly projectId: string;
  readonly actionId: string;
  readonly status: number;
}

export interface ServerActionFailedData {
  readonly serverId: string;
  readonly projectId: string;
  readonly actionId: string;
  readonly status: number;
  readonly message: string;
}

export interface ServerDeleteRequestedData {
  readonly serverId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly deleteId: string;
}

/**
 * The pod refused a delete (409 locked or busy, 403, a 5xx, a 404 that is not Nova's own) or could not
 * be reached (503) / did not answer in time (504): the server and its route stay. `message` as for
 * actions: the pod's fault message, scrubbed and capped.
 */
export interface ServerDeleteFailedData {
  readonly serverId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly deleteId: string;
  readonly status: number;
  readonly message: string;
}

export interface ServerDeletedData {
  readonly serverId: string;
  readonly podId: string;
  readonly projectId: string;
  /**
   * The delete request the pod accepted and then confirmed (its GET answered Nova's 404), never one
   * it refused (ServerDeleteFailed); null when the server vanished from its pod without one.
   */
  readonly deleteId: string | null;
}

export type ServerEvent =
  | { readonly type: 'ServerProvisioningRequested'; readonly data: ServerProvisioningRequestedData }
  | { readonly type: 'ServerCreated'; readonly data: ServerCreatedData }
  | { readonly type: 'ServerProvisioningFailed'; readonly data: ServerProvisioningFailedData }
  | { readonly type: 'ServerActionRequested'; readonly data: ServerActionRequestedData }
  | { readonly type: 'ServerActionSucceeded'; readonly data: ServerActionSucceededData }
  | { readonly type: 'ServerActionFailed'; readonly data: ServerActionFailedData }
  | { readonly type: 'ServerDeleteRequested'; readonly data: ServerDeleteRequestedData }
  | { readonly type: 'ServerDeleteFailed'; readonly data: ServerDeleteFailedData }
  | { readonly type: 'ServerDeleted'; readonly data: ServerDeletedData };

export type ServerEventType = ServerEvent['type'];

/** What the decider emits and folds: the slice's own events and the routing events appended with them. */
export type ServerStreamEvent = ServerEvent | RoutingEvent;

export const SERVER_EVENT_TYPES: readonly ServerEventType[] = [
  'ServerProvisioningRequested',
  'ServerCreated',
  'ServerProvisioningFailed',
  'ServerActionRequested',
  'ServerActionSucceeded',
  'ServerActionFailed',
  'ServerDeleteRequested',
  'ServerDeleteFailed',
  'ServerDeleted',
];

/** The events of the intent stream; every other event belongs to the server's own stream. */
export const SERVER_PROVISIONING_EVENT_TYPES: readonly ServerEventType[] = [
  'ServerProvisioningRequested',
  'ServerProvisioningFailed',
];
