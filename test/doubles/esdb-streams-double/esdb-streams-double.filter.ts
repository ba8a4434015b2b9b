/**
 * TEST DOUBLE: EventStoreDB's server-side $all filter. One filter per request, on the stream name
 * or on the event type (never both: the protobuf makes them a oneof), by prefixes or by a regex.
 */
import type { ReadReq } from './esdb-streams-double.grpc';
import type { StoredEvent } from './esdb-streams-double.log';

export interface AllFilter {
  matches(event: StoredEvent): boolean;
  /** Events to consider between two checkpoint messages of a filtered subscription. */
  readonly checkpointInterval: number;
}

/** The server's page size, used as the search window when the client asks for none. */
const DEFAULT_SEARCH_WINDOW = 32;

export function compileFilter(options: ReadReq.Options): AllFilter | undefined {
  const filter = options.hasFilter() ? options.getFilter() : undefined;
  if (!filter) return undefined;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const test = valueTest(expression);
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    matches: (event) => test(onStream ? event.stream : event.type),
    checkpointInterval: Math.max(1, filter.getCheckpointintervalmultiplier()) * window,
  };
}

/** As on the server: a non-empty prefix list wins over the regex; the regex is unanchored. */
function valueTest(expression: ReadReq.Options.FilterOptions.Expression | undefined): (value: string) => boolean {
  const prefixes = expression?.getPrefixList() ?? [];
  if (prefixes.length > 0) return (value) => prefixes.some((prefix) => value.startsWith(prefix));
  const regex = expression?.getRegex();
  if (!regex) return () => true;
  const pattern = new RegExp(regex);
  return (value) => pattern.test(value);
}
