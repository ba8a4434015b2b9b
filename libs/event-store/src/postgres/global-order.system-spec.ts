import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { comparePositions } from '../position';
import { streamName } from '../stream-name';
import { collectSubscription, testEvent, testEvents, uniqueCategory } from '../testing';
import { connectPostgresEventStore } from './create-postgres-event-store';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a PostgreSQL server (npm run test:system starts one)');

const WRITERS = 16;
const APPENDS_PER_WRITER = 40;
const SLOW_COMMITTERS = 4;
const SLOW_APPENDS_EACH = 15;

/**
 * The gap problem, provoked: slow transactions take global positions and then wait before they
 * commit, while sixteen fast writers commit positions after theirs. A reader that trusted the
 * sequence order would pass the slow events and never see them. The subscriber must see every
 * event exactly once, in strictly increasing position order, each stream in revision order.
 */
describe('PostgreSQL event store global order under concurrent writers (real server)', () => {
  it('delivers every concurrently committed event exactly once, in position order', async () => {
    const store = await connectPostgresEventStore(url, { poolMax: WRITERS + 4, subscriptionIdleMs: 20 });
    const category = uniqueCategory('gap');
    const expected = WRITERS * APPENDS_PER_WRITER * 2 + SLOW_COMMITTERS * SLOW_APPENDS_EACH;
    try {
      const subscription = store.subscribeToAll({ filter: { categories: [category] } });
      const received = collectSubscription(subscription, (events) => events.length >= expected, 60_000);

      const fastWriter = async (w: number) => {
        const stream = streamName(category, `fast${w}`);
        for (let i = 0; i < APPENDS_PER_WRITER; i++)
          await store.append(stream, testEvents(2), i === 0 ? 'no_stream' : BigInt(i * 2 - 1));
      };
      await Promise.all([
        ...Array.from({ length: WRITERS }, (_, w) => fastWriter(w)),
        ...Array.from({ length: SLOW_COMMITTERS }, (_, s) => slowCommitter(url, streamName(category, `slow${s}`))),
      ]);

      const { events } = await received;
      expect({ delivered: events.length, distinct: new Set(events.map((e) => e.id)).size }).toEqual({
        delivered: expected,
        distinct: expected,
      });
      const outOfOrder = events.filter((e, i) => i > 0 && comparePositions(events[i - 1].position, e.position) >= 0);
      expect(outOfOrder.length).toBe(0);
      const lastRevision = new Map<string, bigint>();
      const revisionSkips = events.filter((event) => {
        const skip = event.revision !== (lastRevision.get(event.stream) ?? -1n) + 1n;
        lastRevision.set(event.stream, event.revision);
        return skip;
      });
      expect(revisionSkips.length).toBe(0);
    } finally {
      await store.close();
    }
  });
});

/** Appends through the store's own SQL function, but holds each transaction open after it took its positions. */
async function slowCommitter(connectionString: string, stream: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    for (let i = 0; i < SLOW_APPENDS_EACH; i++) {
      const event = testEvent('SlowThingHappened', { i });
      await client.query('BEGIN');
      await client.query('SELECT * FROM es_append($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])', [
        stream,
        stream.split('-')[0],
        i === 0 ? 'no_stream' : String(i - 1),
        [event.id ?? randomUUID()],
        [event.type],
        [JSON.stringify(event.data)],
        [JSON.stringify(event.metadata)],
      ]);
      await client.query('SELECT pg_sleep($1)', [0.02 + Math.random() * 0.08]);
      await client.query('COMMIT');
    }
  } finally {
    await client.end();
  }
}
