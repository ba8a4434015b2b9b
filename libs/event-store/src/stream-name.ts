/**
 * Streams are `<category>-<id>` with a dash-free camelCase category (`pod-…`, `tenantBinding-…`),
 * so category filters work alike on EventStoreDB (prefix `<category>-`) and PostgreSQL.
 */
const CATEGORY = /^[a-z][a-zA-Z0-9]*$/;

export function streamName(category: string, id: string): string {
  if (!CATEGORY.test(category)) throw new TypeError(`stream category must be dash-free camelCase: ${category}`);
  if (id.length === 0) throw new TypeError('stream id must not be empty');
  return `${category}-${id}`;
}

export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}
