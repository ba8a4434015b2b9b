import { PGliteClient } from '@podgate/sql';
import { streamAuditSuite } from '../../testing/stream-audit.suite';

streamAuditSuite(
  'PGlite, in memory',
  10_000,
  () => PGliteClient.open(),
  (sql) => sql.close(),
);
