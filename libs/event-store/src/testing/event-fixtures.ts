import { randomBytes, randomUUID } from 'node:crypto';
import type { EventMetadata } from '@podgate/kernel';
import type { JsonValue, NewEvent } from '../event-store.port';

/** A category no other test run uses, so a shared (live) store keeps tests apart by filter. */
export const uniqueCategory = (prefix = 'contract'): string => `${prefix}${randomBytes(6).toString('hex')}`;

export const testMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  correlationId: randomUUID(),
  causationId: randomUUID(),
  requestId: `req-${randomUUID()}`,
  actor: { userId: 'user-1', projectId: 'project-1', roles: ['member'] },
  occurredAt: new Date().toISOString(),
  ...overrides,
});

export const testEvent = (type = 'ThingHappened', data: JsonValue = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: testMetadata(),
});

export const testEvents = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => testEvent(type, { n }));
