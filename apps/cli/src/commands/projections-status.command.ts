import { positionToString } from '@podgate/event-store';
import { findCheckpoint } from '@podgate/read-model';
import { ALL_PROJECTIONS } from '@podgate/runtime';
import { withLocalRuntime } from '../local-runtime';
import { type OutputFormat, printRows } from '../output';

const LAG_COUNT_CAP = 100_000;

/** Where each projection stands, read from its checkpoint and the log. */
export async function projectionsStatus(format: OutputFormat): Promise<void> {
  const rows = await withLocalRuntime((runtime) =>
    Promise.all(
      ALL_PROJECTIONS.map(async (projection) => {
        const checkpoint = await findCheckpoint(runtime.readModel, projection);
        const behind = await runtime.eventStore.countAll({
          fromPosition: checkpoint?.position,
          filter: projection.filter,
          maxCount: LAG_COUNT_CAP,
        });
        return {
          projection: projection.name,
          version: projection.version,
          position: checkpoint ? positionToString(checkpoint.position) : 'not started',
          applied: checkpoint?.eventsApplied ?? 0,
          behind: behind >= LAG_COUNT_CAP ? `${LAG_COUNT_CAP}+` : behind,
          lastEventAt: checkpoint?.lastRecordedAt?.toISOString() ?? '',
        };
      }),
    ),
  );
  printRows(rows, format);
}
