import { EventTypeRegistry, UnknownEventTypeError, DuplicateEventTypeError } from './event-type-registry';
import type { EventMetadata } from '@podgate/kernel';

const metadata = (schemaVersion?: number): EventMetadata => ({
  correlationId: 'c',
  causationId: 'c',
  requestId: 'req-1',
  actor: { userId: 'u', projectId: 'p', roles: [] },
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion,
});

const parsePodRenamed = (data: unknown) => {
  const d = data as { podId?: unknown; name?: unknown };
  if (typeof d.podId !== 'string' || typeof d.name !== 'string') throw new TypeError('bad PodRenamed');
  return { podId: d.podId, name: d.name };
};

describe('EventTypeRegistry', () => {
  const registry = new EventTypeRegistry().register({
    type: 'PodRenamed',
    version: 3,
    parse: parsePodRenamed,
    upcasters: {
      1: (d) => ({ ...(d as object), podId: (d as { id: string }).id }),
      2: (d) => ({ ...(d as object), name: (d as { title: string }).title }),
    },
  });

  it('parses data written in the current version', () => {
    const data = registry.decode({ type: 'PodRenamed', data: { podId: 'p1', name: 'Pod1' }, metadata: metadata(3) });
    expect(data).toEqual({ podId: 'p1', name: 'Pod1' });
  });

  it('upcasts every older version in order before parsing', () => {
    const data = registry.decode({ type: 'PodRenamed', data: { id: 'p1', title: 'Pod1' }, metadata: metadata() });
    expect(data).toEqual({ podId: 'p1', name: 'Pod1' });
  });

  it('refuses data that does not parse', () => {
    expect(() => registry.decode({ type: 'PodRenamed', data: { podId: 1 }, metadata: metadata(3) })).toThrow('bad PodRenamed');
  });

  it('refuses unknown and duplicate types', () => {
    expect(() => registry.decode({ type: 'Nope', data: {}, metadata: metadata() })).toThrow(UnknownEventTypeError);
    expect(() => registry.register({ type: 'PodRenamed', version: 1, parse: (d) => d })).toThrow(DuplicateEventTypeError);
  });
});
