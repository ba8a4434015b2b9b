import { deterministicId } from '@podgate/kernel';

/** The ids of the hot path's events: an action's and a delete's, each named by an id derived from the request. */
interface LifecycleIds {
  readonly actionId?: unknown;
  readonly deleteId?: unknown;
}

/**
 * A decided event's id, for every routed resource's lifecycle (`<Prefix>ActionRequested`,
 * `<Prefix>Created`, ...): the same decision for the same request gives the same id, so an append
 * repeated after a lost answer (or by a confirmer racing the handler) writes nothing twice.
 * Slots, not types, make the id: an action's outcome has one slot (`<Prefix>ActionOutcome`) whether
 * it succeeded or failed, so the hot path (which appends outcomes without folding the stream) cannot
 * record two different outcomes for one action: the store answers the second append as a replay of
 * the first, and the first answer stands. A delete request and its refusal have a slot each per
 * delete id. A resource is created, and deleted, once per stream.
 */
export function lifecycleEventId(
  namespace: string,
  stream: string,
  prefix: string,
  event: { readonly type: string; readonly data: unknown },
): string {
  const data = (event.data ?? {}) as LifecycleIds;
  let slot = event.type;
  let key = '';
  switch (event.type) {
    case `${prefix}ActionRequested`:
      key = String(data.actionId);
      break;
    case `${prefix}ActionSucceeded`:
    case `${prefix}ActionFailed`:
      slot = `${prefix}ActionOutcome`;
      key = String(data.actionId);
      break;
    case `${prefix}DeleteRequested`:
    case `${prefix}DeleteFailed`:
      key = String(data.deleteId);
      break;
    default:
      break;
  }
  return deterministicId(namespace, stream, slot, key);
}
