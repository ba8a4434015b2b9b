import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@podgate/event-store';

const ACTIONS = ['reboot', 'os-start', 'os-stop', 'resize', 'createImage'] as const;

/**
 * Events shaped like the gateway's own (a server action request with full request metadata, about
 * 0.6 kB of JSON), made fresh for every append as a request handler would: new ids, new clock reading.
 */
export function serverActionEvents(serverId: string, count: number, seq: number): NewEvent[] {
  const correlationId = randomUUID();
  const requestId = `req-${randomUUID()}`;
  const occurredAt = new Date().toISOString();
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'ServerActionRequested',
    data: {
      serverId,
      podId: `pod${seq % 3}`,
      action: ACTIONS[(seq + n) % ACTIONS.length],
      body: { type: 'SOFT', seq: seq + n },
      upstreamServerId: serverId.slice(0, 36),
    },
    metadata: {
      correlationId,
      causationId: requestId,
      requestId,
      globalRequestId: `req-${correlationId}`,
      actor: { userId: 'a8f2c3d4e5f60718293a4b5c6d7e8f90', projectId: `project${seq % 7}`, roles: ['member', 'reader'] },
      occurredAt,
    },
  }));
}
