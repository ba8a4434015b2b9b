import type { LoggerService } from '@nestjs/common';
import type { GlobalPosition } from '@podgate/event-store';
import { waitForCheckpoint } from '@podgate/read-model';
import { routingsProjection } from '@podgate/routing';
import type { SqlExecutor } from '@podgate/sql';

/**
 * Read-your-writes for lists after a create: a list (of servers, volumes, ...) asks the tenant's
 * pods as rm_routings (and rm_bindings) name them, so a list right after the first create in a new
 * pod would skip that pod until the projection caught up. Bounded: a lagging read model delays the
 * answer by at most `timeoutMs` and is logged, never an error (the create is recorded).
 * `what` names the records in the log line ("the servers of provisioning p-1").
 */
export async function awaitRoutings(
  sql: SqlExecutor,
  position: GlobalPosition,
  timeoutMs: number,
  what: string,
  logger: Pick<LoggerService, 'warn'>,
): Promise<void> {
  try {
    if (await waitForCheckpoint(sql, routingsProjection, position, timeoutMs)) return;
    logger.warn(`rm_routings lags: ${what} not listed within ${timeoutMs} ms`);
  } catch (error) {
    logger.warn(`rm_routings not read after recording ${what}: ${String(error)}`);
  }
}
