import type { SqlExecutor } from '@podgate/sql';
import type { AuditEntryView } from './audit-entry.view';
import { type AuditFilter, type AuditPosition, parseAuditPosition } from './audit-filter';
import { clamp, readAuditPage } from './audit.queries';

export interface StreamAuditOptions {
  /** Events a page; default 1,000, at most 10,000. Memory holds one page, however long the export. */
  readonly batchSize?: number;
}

const MAX_BATCH = 10_000;

/**
 * Every matching event, in log order, one page at a time, for an export of any length. Each page is
 * a fresh keyset query after the previous page's last position, read only when the consumer asks
 * for it: no server-side cursor or open transaction, so it works the same on PGlite (one
 * connection, shared with the projections) and on a pg pool, and a slow client holds nothing open.
 */
export async function* streamAudit(
  sql: SqlExecutor,
  filter: AuditFilter,
  options: StreamAuditOptions = {},
): AsyncGenerator<AuditEntryView[], void, undefined> {
  const batchSize = clamp(options.batchSize ?? 1000, MAX_BATCH);
  let after: AuditPosition | undefined;
  for (;;) {
    const page = await readAuditPage(sql, filter, after, batchSize);
    if (page.length > 0) yield page;
    if (page.length < batchSize) return;
    after = parseAuditPosition(page[page.length - 1].position);
  }
}
