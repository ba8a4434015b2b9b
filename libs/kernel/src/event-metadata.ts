import type { Actor } from './actor';

/**
 * What every stored event carries besides its data. Ids link an event to the request that caused it
 * (requestId: podgate's own `req-<uuid>`; globalRequestId: the caller's `X-OpenStack-Request-ID`).
 * SECURITY: never put tokens or passwords here; metadata is readable by auditors.
 */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  readonly requestId: string;
  readonly globalRequestId?: string;
  readonly actor: Actor;
  /** ISO-8601 instant at which the fact happened, by the writer's clock. */
  readonly occurredAt: string;
  /** Version of the event's data shape; the registry upcasts older versions on read. */
  readonly schemaVersion?: number;
}
