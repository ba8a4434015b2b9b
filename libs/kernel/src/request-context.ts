import type { Actor } from './actor';
import type { EventMetadata } from './event-metadata';
import { newId } from './ids';

/** The identity a request proved (Keystone token or noauth headers), as the gateway knows it. */
export interface Caller extends Actor {
  readonly userName: string;
  readonly projectName: string;
  /** The domain of the caller's project. */
  readonly domainId: string;
}

/**
 * What a command handler needs to know about the request that caused it. Built once per request by
 * the gateway's auth guard; the CLI and background workers build their own.
 * SECURITY: `token` is the caller's Keystone token, carried only to forward the call to a pod with
 * the caller's own rights. It is never logged and never put into events (metadataFor leaves it out).
 */
export interface RequestContext {
  readonly requestId: string;
  /** The caller's X-OpenStack-Request-ID (`req-<uuid>`), propagated to pods and recorded on events. */
  readonly globalRequestId?: string;
  readonly caller: Caller;
  readonly token?: string;
}

/** Metadata for the events one command appends: all share the request's ids and the decision's instant. */
export function metadataFor(context: RequestContext, occurredAt: Date): EventMetadata {
  const { userId, projectId, roles } = context.caller;
  return {
    correlationId: context.globalRequestId ?? context.requestId,
    causationId: context.requestId,
    requestId: context.requestId,
    ...(context.globalRequestId ? { globalRequestId: context.globalRequestId } : {}),
    actor: { userId, projectId, roles: [...roles] },
    occurredAt: occurredAt.toISOString(),
  };
}

/** The context of work podgate starts itself (usage collector, reconcilers): a fresh request id. */
export function systemContext(): RequestContext {
  return {
    requestId: `req-${newId()}`,
    caller: {
      userId: 'podgate',
      projectId: 'podgate',
      roles: ['system'],
      userName: 'podgate',
      projectName: 'podgate',
      domainId: 'default',
    },
  };
}
