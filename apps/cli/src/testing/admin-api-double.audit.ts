// TEST DOUBLE (part of admin-api-double.ts): routings, audit list and the NDJSON audit export.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AuditEvent, Routing } from '../admin-client/resources';
import { page } from './admin-api-double.http';

export interface AuditDoubleOptions {
  readonly routings?: Routing[];
  /** How many audit events exist (generated on demand, so exports can be large). */
  readonly auditEvents?: number;
  /** The export connection is cut after this many lines. */
  readonly exportFailAfter?: number;
  /** The export ends cleanly after this many lines, though x-podgate-event-count announced them all. */
  readonly exportEndAfter?: number;
  /** The export answers without x-podgate-event-count. */
  readonly exportWithoutCount?: boolean;
}

const LINES_PER_PUSH = 64;

/** Event `index`, padded so each line is about 300 bytes like a real audit event. */
export function doubleAuditEvent(index: number): AuditEvent {
  const podId = `00000000-0000-4000-a000-${String(index).padStart(12, '0')}`;
  return {
    position: `${index + 1}/${index + 1}`,
    event_id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    type: index % 2 === 0 ? 'PodRegistered' : 'TenantBoundToPod',
    // As the gateway's audit log: the stream is `<type>-<id>`, resource_id the bare id.
    stream: `pod-${podId}`,
    resource_type: 'pod',
    resource_id: podId,
    pod_id: null,
    outcome: 'succeeded',
    occurred_at: new Date(Date.UTC(2026, 10, 22, 0, 0, index % 60)).toISOString(),
    recorded_at: new Date(Date.UTC(2026, 10, 22, 0, 0, index % 60)).toISOString(),
    actor: { user_id: 'admin', project_id: 'admin', roles: ['admin'] },
    request_id: `req-${String(index).padStart(8, '0')}-0000-4000-8000-000000000000`,
    global_request_id: null,
    data: { name: `Pod${index}`, padding: 'x'.repeat(40) },
  };
}

/** The gateway's resource_id filter: the bare id, or `<type>/<id>`. */
const isResource = (event: AuditEvent, filter: string | undefined): boolean =>
  filter === undefined || event.resource_id === filter || `${event.resource_type}/${event.resource_id}` === filter;

type ExportRouteOptions = AuditDoubleOptions & { exported: { lines: number; bytes: number } };

export function registerAuditDoubleRoutes(app: FastifyInstance, options: ExportRouteOptions & { pageSize: number }): void {
  const total = options.auditEvents ?? 0;
  app.get('/v1.0/routings', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const routings = (options.routings ?? []).filter(
      (routing) =>
        (query.top_id === undefined || routing.top_id === query.top_id) &&
        (query.pod_id === undefined || routing.pod_id === query.pod_id) &&
        (query.resource_type === undefined || routing.resource_type === query.resource_type),
    );
    return page(reply, routings, 'id', 'routings', '/v1.0/routings', query, options.pageSize);
  });

  app.get('/v1.0/audit', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const events = Array.from({ length: total }, (_, index) => doubleAuditEvent(index)).filter(
      (event) => (query.type === undefined || event.type === query.type) && isResource(event, query.resource_id),
    );
    return page(reply, events, 'position', 'events', '/v1.0/audit', query, options.pageSize);
  });
  registerExportRoute(app, options);
}

/** NDJSON made on demand, announced by x-podgate-event-count; cut or ended early as the options say. */
function registerExportRoute(app: FastifyInstance, options: ExportRouteOptions): void {
  const total = options.auditEvents ?? 0;
  app.get('/v1.0/audit/export', async (_request, reply) => {
    let next = 0;
    const body = new Readable({
      // Lines are made only when the socket asks for more, so `exported` shows how far backpressure let us get.
      read() {
        if (options.exportFailAfter !== undefined && next >= options.exportFailAfter) {
          this.destroy(new Error('cut by the test double'));
          return;
        }
        const end = Math.min(next + LINES_PER_PUSH, total, options.exportFailAfter ?? total, options.exportEndAfter ?? total);
        if (next >= end) return void this.push(null);
        let chunk = '';
        for (; next < end; next += 1) chunk += `${JSON.stringify(doubleAuditEvent(next))}\n`;
        options.exported.lines = next;
        options.exported.bytes += chunk.length;
        this.push(chunk);
      },
    });
    if (!options.exportWithoutCount) reply.header('x-podgate-event-count', String(total));
    return reply.header('content-type', 'application/x-ndjson').send(body);
  });
}
