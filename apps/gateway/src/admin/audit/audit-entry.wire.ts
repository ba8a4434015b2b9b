import type { AuditEntryView } from '@podgate/audit';
import { z } from 'zod';
import { pageLinksWire } from '../pagination/next-link';

/** One audited event as the admin API and its NDJSON export show it. `data` is the event's own data, as recorded. */
export const AuditEntryWire = z.object({
  position: z.string().meta({ description: 'Global position "commit/prepare": the audit order and the page marker.' }),
  event_id: z.uuid(),
  type: z.string(),
  stream: z.string(),
  resource_type: z.string(),
  resource_id: z.string(),
  pod_id: z.string().nullable(),
  outcome: z.enum(['requested', 'failed', 'succeeded']),
  occurred_at: z.iso.datetime(),
  recorded_at: z.iso.datetime(),
  actor: z.object({ user_id: z.string(), project_id: z.string(), roles: z.array(z.string()) }),
  request_id: z.string(),
  global_request_id: z.string().nullable(),
  data: z.json(),
});
export type AuditEntryWire = z.output<typeof AuditEntryWire>;

export const AuditListResponse = z.object({ events: z.array(AuditEntryWire), events_links: pageLinksWire() });

export const toAuditEntryWire = (view: AuditEntryView): AuditEntryWire => ({
  position: view.position,
  event_id: view.eventId,
  type: view.type,
  stream: view.stream,
  resource_type: view.resourceType,
  resource_id: view.resourceId,
  pod_id: view.podId,
  outcome: view.outcome,
  occurred_at: view.occurredAt,
  recorded_at: view.recordedAt,
  actor: { user_id: view.actor.userId, project_id: view.actor.projectId, roles: [...view.actor.roles] },
  request_id: view.requestId,
  global_request_id: view.globalRequestId,
  data: view.data,
});
