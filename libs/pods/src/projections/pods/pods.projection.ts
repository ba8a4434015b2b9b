import type { RecordedEvent } from '@podgate/event-store';
import type { Projection } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import type { PodEvent } from '../../domain/pod.events';
import type { PodUsageEvent } from '../../domain/pod-usage.events';
import { POD_CATEGORY, POD_USAGE_CATEGORY } from '../../domain/pod.stream';
import { PODS_MIGRATIONS } from './pods.schema';

type Recorded<E> = E & Pick<RecordedEvent, 'position' | 'metadata'>;

/**
 * rm_pods from both pod streams: the registration and profile (`pod-…`) and the last known usage
 * (`podUsage-…`). One projection, so a usage row is never written before its pod's row exists
 * (the log orders PodRegistered first) and one checkpoint serves read-your-writes for both.
 */
export const podsProjection: Projection = {
  name: 'pods',
  version: 1,
  filter: { categories: [POD_CATEGORY, POD_USAGE_CATEGORY] },
  tables: ['rm_pods'],
  migrations: PODS_MIGRATIONS,
  async apply(tx, events) {
    for (const event of events) await applyOne(tx, event as unknown as Recorded<PodEvent | PodUsageEvent>);
  },
};

async function applyOne(tx: SqlExecutor, event: Recorded<PodEvent | PodUsageEvent>): Promise<void> {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'PodRegistered':
      return registered(tx, event, at);
    case 'PodUpdated':
      await tx.query(
        `UPDATE rm_pods SET
           az_name = COALESCE($2::jsonb->>'azName', az_name),
           pod_az_name = COALESCE($2::jsonb->>'podAzName', pod_az_name),
           dc_name = COALESCE($2::jsonb->>'dcName', dc_name),
           affinity_tag = CASE WHEN $2::jsonb ? 'affinityTag' THEN $2::jsonb->>'affinityTag' ELSE affinity_tag END,
           capacity_threshold = COALESCE(($2::jsonb->>'capacityThreshold')::numeric, capacity_threshold),
           endpoints = COALESCE($2::jsonb->'endpoints', endpoints),
           updated_at = $3
         WHERE pod_id = $1`,
        [event.data.podId, JSON.stringify(event.data.changes), at],
      );
      return;
    case 'PodMaintenanceStarted':
    case 'PodMaintenanceEnded': {
      const started = event.type === 'PodMaintenanceStarted';
      const reason = started ? event.data.reason || null : null;
      await tx.query(`UPDATE rm_pods SET in_maintenance = $2, maintenance_reason = $3, updated_at = $4 WHERE pod_id = $1`, [
        event.data.podId,
        started,
        reason,
        at,
      ]);
      return;
    }
    case 'PodDeregistered':
      await tx.query(`UPDATE rm_pods SET status = 'deregistered', updated_at = $2 WHERE pod_id = $1`, [event.data.podId, at]);
      return;
    case 'PodUsageReported':
      return usageReported(tx, event);
    default:
      return unreachable(event);
  }
}

/**
 * A re-registration reactivates the row with the new profile and a new registration order; the
 * last known usage stays, since it describes the region's cloud, not the registration, and the
 * usage stream only records the next change.
 */
async function registered(tx: SqlExecutor, event: Recorded<Extract<PodEvent, { type: 'PodRegistered' }>>, at: string) {
  const d = event.data;
  await tx.query(
    `INSERT INTO rm_pods (pod_id, name, az_name, pod_az_name, dc_name, affinity_tag, capacity_threshold, endpoints,
       in_maintenance, maintenance_reason, status, registered_at, registration_seq, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, NULL, 'active', $9, $10, $9)
     ON CONFLICT (pod_id) DO UPDATE SET name = EXCLUDED.name, az_name = EXCLUDED.az_name, pod_az_name = EXCLUDED.pod_az_name,
       dc_name = EXCLUDED.dc_name, affinity_tag = EXCLUDED.affinity_tag, capacity_threshold = EXCLUDED.capacity_threshold,
       endpoints = EXCLUDED.endpoints, in_maintenance = false, maintenance_reason = NULL, status = 'active',
       registered_at = EXCLUDED.registered_at, registration_seq = EXCLUDED.registration_seq, updated_at = EXCLUDED.updated_at`,
    [
      d.podId,
      d.name,
      d.azName,
      d.podAzName,
      d.dcName,
      d.affinityTag,
      d.capacityThreshold,
      JSON.stringify(d.endpoints),
      at,
      event.position.commit.toString(),
    ],
  );
}

async function usageReported(tx: SqlExecutor, event: Recorded<PodUsageEvent>): Promise<void> {
  const { podId, reachable, usage, usedFraction, reportedAt, error } = event.data;
  if (!reachable || !usage) {
    await tx.query(`UPDATE rm_pods SET reachable = false, usage_reported_at = $2, usage_error = $3 WHERE pod_id = $1`, [
      podId,
      reportedAt,
      error ?? null,
    ]);
    return;
  }
  await tx.query(
    `UPDATE rm_pods SET vcpus = $2, vcpus_used = $3, memory_mb = $4, memory_mb_used = $5, disk_gb = $6, disk_gb_used = $7,
       running_vms = $8, used_fraction = $9, reachable = true, usage_reported_at = $10, usage_error = NULL
     WHERE pod_id = $1`,
    [
      podId,
      usage.vcpus,
      usage.vcpusUsed,
      usage.memoryMb,
      usage.memoryMbUsed,
      usage.diskGb,
      usage.diskGbUsed,
      usage.runningVms,
      usedFraction,
      reportedAt,
    ],
  );
}

function unreachable(value: never): never {
  throw new Error(`pods projection: unhandled event ${JSON.stringify(value)}`);
}
