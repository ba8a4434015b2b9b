export * from './projections/audit-log/audit-log.projection';
