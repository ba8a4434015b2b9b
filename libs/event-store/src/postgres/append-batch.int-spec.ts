import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { streamName } from '../stream-name';
import { testEvent, uniqueCategory } from '../testing';
import { openEmbeddedEventStore } from './create-postgres-event-store';

// Group commit on PostgreSQL (PGlite here; the same SQL runs on a server): what the shared contract
// cannot say for every adapter.
describe('PostgreSQL appends committed together', () => {
  let store: EventStore;
  let category: string;
  const stream = () => streamName(category, randomUUID());

  beforeAll(async () => {
    store = await openEmbeddedEventStore();
  });
  afterAll(() => store.close());
  beforeEach(() => {
    category = uniqueCategory('batch');
  });

  it('commits concurrent appends in a few transactions, not one each', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.append(stream(), [testEvent()], 'no_stream')));
    const transactions = new Set(results.map((r) => r.position.commit));
    expect(transactions.size).toBeLessThanOrEqual(2);
    const positions = new Set(results.map((r) => `${r.position.commit}/${r.position.prepare}`));
    expect(positions.size).toBe(20);
    expect(await store.readAll({ filter: { categories: [category] } })).toHaveLength(20);
  });

  it('fails only the malformed one of concurrent appends', async () => {
    const good = Array.from({ length: 6 }, () => stream());
    const outcomes = await Promise.allSettled([
      ...good.map((s) => store.append(s, [testEvent()], 'no_stream')),
      store.append(stream(), [{ ...testEvent(), id: 'not-a-uuid' }], 'no_stream'),
    ]);
    expect(outcomes.slice(0, good.length).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes[good.length].status).toBe('rejected');
    for (const s of good) expect(await store.readStream(s)).toHaveLength(1);
  });

  it('keeps the order of concurrent appends to one stream within a batch', async () => {
    const s = stream();
    const events = Array.from({ length: 10 }, () => testEvent());
    await Promise.all(events.map((event) => store.append(s, [event], 'any')));
    const read = await store.readStream(s);
    // The first goes alone (one batch in flight by default); the rest share one batch, in the order sent.
    expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('keeps the order within one stream when a malformed append sends the batch one by one', async () => {
    const s = stream();
    const events = Array.from({ length: 8 }, () => testEvent());
    const outcomes = await Promise.allSettled([
      ...events.map((event) => store.append(s, [event], 'any')),
      store.append(stream(), [{ ...testEvent(), id: 'not-a-uuid' }], 'no_stream'),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    expect((await store.readStream(s)).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
});
