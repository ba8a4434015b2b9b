import { Module } from '@nestjs/common';
import { AuditQueries } from './queries/audit/audit-queries.service';

/** Audit reads; the rows come from the audit-log projection, which the runtime runs. */
@Module({ providers: [AuditQueries], exports: [AuditQueries] })
export class AuditModule {}
