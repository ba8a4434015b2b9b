import type { EventStore, NewEvent } from './event-store.port';
import { type EventTypeRegistry, UnknownEventTypeError } from './event-type-registry';

/**
 * An event whose data its type's definition refuses. The message names the type, the stream and
 * where the data is wrong, never a value: SECURITY: the value refused may be the very secret (a
 * password, a user_data) the strict parsers exist to keep out, and this message reaches the logs.
 */
export class InvalidEventDataError extends Error {
  constructor(
    readonly type: string,
    readonly stream: string,
    /** `request.user_data (unrecognized key)`, `status (invalid_type)`; empty when the parser said nothing usable. */
    readonly issues: readonly string[],
  ) {
    const where = issues.length > 0 ? `: ${issues.join(', ')}` : '';
    super(`${type} for ${stream} does not match its definition${where}`);
  }
}

/**
 * The store, except that `append` first decodes every new event with the registry and refuses the
 * whole append, writing nothing, when one type is unknown (UnknownEventTypeError) or one event's
 * data does not parse (InvalidEventDataError). SECURITY: this is where the slices' strict parsers
 * guard the log; without it they would run only when an event is read, long after it was written
 * for good. Everything else is the store itself (a Proxy, not a copy), so reads, subscriptions,
 * `adapter` and `close` are untouched, and the PostgreSQL adapter's group commit, which sits below,
 * still batches concurrent appends.
 */
export function checkedEventStore(store: EventStore, registry: EventTypeRegistry): EventStore {
  const append: EventStore['append'] = (stream, events, expected) => {
    try {
      for (const event of events) check(registry, stream, event);
    } catch (error) {
      return Promise.reject(error);
    }
    return store.append(stream, events, expected);
  };
  return new Proxy(store, {
    get: (target, property, receiver) => (property === 'append' ? append : Reflect.get(target, property, receiver)),
  });
}

function check(registry: EventTypeRegistry, stream: string, event: NewEvent): void {
  if (!registry.knows(event.type)) throw new UnknownEventTypeError(event.type);
  try {
    registry.decode(event);
  } catch (error) {
    throw new InvalidEventDataError(event.type, stream, issuesOf(error));
  }
}

/**
 * Where and how the data is wrong, from a zod error (or any error shaped like one), without its
 * messages: a custom message may quote the input. Other errors give nothing, for the same reason.
 */
function issuesOf(error: unknown): string[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: { path?: readonly PropertyKey[]; code?: unknown; keys?: unknown }) => {
    const path = (issue.path ?? []).map(String);
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      return issue.keys.map((key) => `${[...path, String(key)].join('.')} (unrecognized key)`);
    }
    return `${path.join('.') || '(root)'} (${String(issue.code ?? 'invalid')})`;
  });
}
