import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import type { AuditEntryView } from './audit-entry.view';
import type { AuditFilter } from './audit-filter';
import { type AuditPage, countAudit, latestAuditPosition, listAudit } from './audit.queries';
import { streamAudit, type StreamAuditOptions } from './stream-audit';

/** The audit read model for controllers, on the runtime's read-model database. */
@Injectable()
export class AuditQueries {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  list(page: AuditPage): Promise<AuditEntryView[]> {
    return listAudit(this.sql, page);
  }

  /**
   * An export: the number of events it will yield, and the pages themselves, pinned to the events
   * audited when it started (later events belong to the next export).
   */
  async export(
    filter: AuditFilter,
    options?: StreamAuditOptions,
  ): Promise<{ count: number; pages: AsyncIterable<AuditEntryView[]> }> {
    const pinned = { ...filter, through: filter.through ?? (await latestAuditPosition(this.sql)) };
    return { count: await countAudit(this.sql, pinned), pages: streamAudit(this.sql, pinned, options) };
  }
}
