import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkedEventStore, InvalidEventDataError } from './checked-event-store';
import { StreamNotFoundError } from './event-store.errors';
import type { EventStore } from './event-store.port';
import { EventTypeRegistry, UnknownEventTypeError } from './event-type-registry';
import { openEmbeddedEventStore } from './postgres';
import { streamName } from './stream-name';
import { testEvent, uniqueCategory } from './testing';

const loginSet = z.strictObject({ userId: z.string().min(1), attempts: z.number().int().min(0) });
const registry = new EventTypeRegistry().register({ type: 'LoginSet', version: 1, parse: (data) => loginSet.parse(data) });
const good = () => testEvent('LoginSet', { userId: 'u1', attempts: 0 });

describe('checkedEventStore', () => {
  let store: EventStore;
  let checked: EventStore;
  let category: string;
  const stream = () => streamName(category, randomUUID());

  beforeAll(async () => {
    store = await openEmbeddedEventStore();
    checked = checkedEventStore(store, registry);
  });
  afterAll(() => checked.close());
  beforeEach(() => (category = uniqueCategory('checked')));

  it('writes events whose data their definition accepts', async () => {
    const s = stream();
    await checked.append(s, [good(), good()], 'no_stream');
    expect((await store.readStream(s)).map((e) => e.data)).toEqual([
      { userId: 'u1', attempts: 0 },
      { userId: 'u1', attempts: 0 },
    ]);
  });

  it('refuses an unknown type and writes nothing of the append', async () => {
    const s = stream();
    await expect(checked.append(s, [good(), testEvent('NobodyDefinedThis')], 'no_stream')).rejects.toBeInstanceOf(
      UnknownEventTypeError,
    );
    await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('refuses data its definition does not accept, naming the type and paths but never the values', async () => {
    const s = stream();
    const secret = 'hunter2-do-not-log';
    const bad = testEvent('LoginSet', { userId: 'u1', attempts: secret, password: secret });
    const refused = await checked.append(s, [good(), bad], 'no_stream').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidEventDataError);
    const { message, issues } = refused as InvalidEventDataError;
    expect(message).toContain('LoginSet');
    expect(message).toContain(s);
    expect(issues).toEqual(['attempts (invalid_type)', 'password (unrecognized key)']);
    expect(JSON.stringify({ message, issues, error: refused })).not.toContain(secret);
    await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('refuses with a rejected promise, never a synchronous throw', () => {
    const pending = checked.append(stream(), [testEvent('NobodyDefinedThis')], 'any');
    expect(pending).toBeInstanceOf(Promise);
    return expect(pending).rejects.toBeInstanceOf(UnknownEventTypeError);
  });

  it('is the store itself for everything but append', () => {
    expect(checked.adapter).toBe(store.adapter);
    expect(checked.readStream).toBe(store.readStream);
    expect(checked.subscribeToAll).toBe(store.subscribeToAll);
    expect(checked.close).toBe(store.close);
    expect(checked.append).not.toBe(store.append);
  });

  it('leaves group commit below it: concurrent checked appends share transactions', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => checked.append(stream(), [good()], 'no_stream')));
    expect(new Set(results.map((r) => r.position.commit)).size).toBeLessThanOrEqual(2);
    expect(await checked.readAll({ filter: { categories: [category] } })).toHaveLength(20);
  });
});
