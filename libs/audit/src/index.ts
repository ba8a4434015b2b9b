export * from './audit.module';
export * from './domain/audit.errors';
export * from './projections/audit-log/audit-log.projection';
export type { AuditOutcome } from './projections/audit-log/audit-row';
export type { AuditEntryView } from './queries/audit/audit-entry.view';
export { type AuditFilter, parseAuditPosition } from './queries/audit/audit-filter';
export * from './queries/audit/audit-queries.service';
export { type AuditPage, countAudit, latestAuditPosition, listAudit } from './queries/audit/audit.queries';
export * from './queries/audit/stream-audit';
