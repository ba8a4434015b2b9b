import { Readable } from 'node:stream';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { type AuditEntryView, AuditQueries } from '@podgate/audit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Policy } from '../../http/policy';
import { collectionPage } from '../pagination/collection-page';
import { ApiZodQuery, ApiZodResponse } from '../validation/openapi-schema';
import { validQuery } from '../validation/zod-validation.pipe';
import { AuditEntryWire, AuditListResponse, toAuditEntryWire } from './audit-entry.wire';
import { AuditExportQuery, AuditListQuery } from './audit.requests';

/** Lets the CLI draw a progress bar: the number of lines the export will write. */
export const EVENT_COUNT_HEADER = 'x-podgate-event-count';

/** /v1.0/audit: what happened, who did it and why, from the audit read model. */
@ApiTags('audit')
@Controller('v1.0/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueries) {}

  @Get()
  @Policy('admin:audit:list')
  @ApiZodQuery(AuditListQuery)
  @ApiZodResponse(200, 'One page of events in log order.', AuditListResponse)
  async list(
    @Query(validQuery(AuditListQuery)) query: z.output<typeof AuditListQuery>,
    @Req() request: FastifyRequest,
  ): Promise<z.output<typeof AuditListResponse>> {
    const events = await this.audit.list(query);
    return collectionPage(request, query.limit, 'events', events, toAuditEntryWire, (event) => event.position);
  }

  /**
   * Every matching event as NDJSON, streamed page by page as the client reads (memory holds one
   * page however long the export), pinned to the events audited when it started so the count
   * header and the lines agree.
   */
  @Get('export')
  @Policy('admin:audit:export')
  @ApiZodQuery(AuditExportQuery)
  @ApiProduces('application/x-ndjson')
  @ApiZodResponse(200, `One event object per line; header ${EVENT_COUNT_HEADER} gives the number of lines.`, AuditEntryWire)
  async export(
    @Query(validQuery(AuditExportQuery)) filter: z.output<typeof AuditExportQuery>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { count, pages } = await this.audit.export(filter);
    void reply
      .status(200)
      .header('content-type', 'application/x-ndjson')
      .header(EVENT_COUNT_HEADER, String(count))
      .send(Readable.from(ndjson(pages)));
  }
}

async function* ndjson(pages: AsyncIterable<AuditEntryView[]>): AsyncGenerator<string> {
  for await (const page of pages) yield page.map((entry) => `${JSON.stringify(toAuditEntryWire(entry))}\n`).join('');
}
