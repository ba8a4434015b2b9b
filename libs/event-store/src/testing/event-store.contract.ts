import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { EventStoreUnavailableError, StreamNotFoundError, StreamVersionConflictError } from '../event-store.errors';
import { comparePositions } from '../position';
import { streamName } from '../stream-name';
import { collectSubscription } from './collect';
import { testEvent, testEvents, testMetadata, uniqueCategory } from './event-fixtures';

export interface ContractTarget {
  readonly store: EventStore;
  teardown(): Promise<void>;
}

export interface ContractOptions {
  /** A store pointed at an address where nothing listens, for the unavailability checks. */
  readonly unreachable?: () => EventStore;
}

/**
 * The behaviour every EventStore adapter must have (emmett's `features.ts` idea). Each test writes
 * to its own category, so the suite also runs against a shared live server. The suite's name shows
 * which adapter ran, so CI output proves every adapter was checked.
 */
export function eventStoreContract(
  adapterLabel: string,
  setup: () => Promise<ContractTarget>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract [${adapterLabel}]`, () => {
    let target: ContractTarget;
    let store: EventStore;
    let category: string;
    const stream = (id: string = randomUUID()) => streamName(category, id);

    beforeAll(async () => {
      target = await setup();
      store = target.store;
    });
    afterAll(async () => target?.teardown());
    beforeEach(() => {
      category = uniqueCategory();
    });

    describe('append and readStream', () => {
      it('writes a new stream and reads it back with revisions, data and metadata', async () => {
        const s = stream();
        const events = testEvents(3);
        const result = await store.append(s, events, 'no_stream');
        expect(result.nextRevision).toBe(2n);

        const read = await store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read[1]).toMatchObject({ stream: s, type: 'ThingHappened', data: { n: 1 }, metadata: events[1].metadata });
        expect(read[2].position).toEqual(result.position);
        expect(read[0].recordedAt).toBeInstanceOf(Date);
      });

      it('reads from a revision, backwards and with maxCount', async () => {
        const s = stream();
        await store.append(s, testEvents(5), 'no_stream');
        expect((await store.readStream(s, { from: 2n })).map((e) => e.revision)).toEqual([2n, 3n, 4n]);
        expect((await store.readStream(s, { direction: 'backwards', maxCount: 2 })).map((e) => e.revision)).toEqual([4n, 3n]);
        expect((await store.readStream(s, { from: 1n, maxCount: 2 })).map((e) => e.revision)).toEqual([1n, 2n]);
      });

      it('orders revisions as numbers, not as text, past revision 9', async () => {
        const s = stream();
        await store.append(s, testEvents(12), 'no_stream');
        const revisions = Array.from({ length: 12 }, (_, i) => BigInt(i));
        expect((await store.readStream(s)).map((e) => e.revision)).toEqual(revisions);
        expect((await store.readStream(s, { direction: 'backwards' })).map((e) => e.revision)).toEqual([...revisions].reverse());
        expect((await store.readStream(s, { from: 8n, maxCount: 3 })).map((e) => e.revision)).toEqual([8n, 9n, 10n]);
      });

      it('answers StreamNotFoundError for a stream with no events', async () => {
        await expect(store.readStream(stream())).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('appends with an exact expected revision and refuses a stale one', async () => {
        const s = stream();
        const first = await store.append(s, [testEvent()], 'no_stream');
        const second = await store.append(s, [testEvent()], first.nextRevision);
        expect(second.nextRevision).toBe(1n);
        expect(comparePositions(second.position, first.position)).toBeGreaterThan(0);

        const stale = store.append(s, [testEvent()], first.nextRevision);
        await expect(stale).rejects.toBeInstanceOf(StreamVersionConflictError);
        await expect(stale).rejects.toMatchObject({ stream: s, expected: 0n });
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('enforces no_stream and stream_exists', async () => {
        const s = stream();
        await expect(store.append(s, [testEvent()], 'stream_exists')).rejects.toBeInstanceOf(StreamVersionConflictError);
        await store.append(s, [testEvent()], 'no_stream');
        await expect(store.append(s, [testEvent()], 'no_stream')).rejects.toBeInstanceOf(StreamVersionConflictError);
        await expect(store.append(s, [testEvent()], 'stream_exists')).resolves.toMatchObject({ nextRevision: 1n });
        await expect(store.append(s, [testEvent()], 'any')).resolves.toMatchObject({ nextRevision: 2n });
      });

      it('refuses an exact revision on a stream that does not exist', async () => {
        await expect(store.append(stream(), [testEvent()], 0n)).rejects.toBeInstanceOf(StreamVersionConflictError);
      });

      it('is idempotent: the same event ids with the same expectation give the same answer, once', async () => {
        const s = stream();
        await store.append(s, [testEvent()], 'no_stream');
        const events = testEvents(2);
        const first = await store.append(s, events, 0n);
        const again = await store.append(s, events, 0n);
        expect(again).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('lets exactly one of many concurrent writers with the same expectation win', async () => {
        const s = stream();
        await store.append(s, [testEvent()], 'no_stream');
        const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(s, [testEvent()], 0n)));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes.filter((o) => o.status === 'rejected')) {
          expect((o as PromiseRejectedResult).reason).toBeInstanceOf(StreamVersionConflictError);
        }
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('creates a stream once when many writers race with no_stream', async () => {
        const s = stream();
        const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(s, [testEvent()], 'no_stream')));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(s)).toHaveLength(1);
      });

      // Adapters may commit concurrent appends together (group commit): each keeps its own answer.
      it('answers each of many concurrent appends to many streams on its own', async () => {
        const existing = stream();
        await store.append(existing, [testEvent()], 'no_stream');
        const fresh = Array.from({ length: 12 }, () => stream());
        const replayed = testEvents(2);
        const first = await store.append(existing, replayed, 0n);
        const outcomes = await Promise.allSettled([
          ...fresh.flatMap((s) => [store.append(s, testEvents(2), 'any'), store.append(s, [testEvent()], 'any')]),
          store.append(existing, [testEvent()], 'no_stream'),
          store.append(existing, replayed, 0n),
          store.append(stream(), [testEvent()], 5n),
        ]);
        const settled = outcomes.slice(0, fresh.length * 2);
        expect(settled.every((o) => o.status === 'fulfilled')).toBe(true);
        for (const s of fresh) expect((await store.readStream(s)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        const [noStream, replay, missing] = outcomes.slice(fresh.length * 2);
        expect(noStream).toMatchObject({ status: 'rejected', reason: expect.any(StreamVersionConflictError) });
        expect((noStream as PromiseRejectedResult).reason).toMatchObject({ stream: existing, expected: 'no_stream', actual: 2n });
        expect(replay).toEqual({ status: 'fulfilled', value: first });
        expect(missing).toMatchObject({ status: 'rejected', reason: { expected: 5n, actual: 'no_stream' } });
        expect(await store.readStream(existing)).toHaveLength(3);
      });
    });

    describe('readAll', () => {
      it('returns events of the filtered category in global order, after an exclusive position', async () => {
        const a = stream('a');
        const b = stream('b');
        await store.append(a, testEvents(2), 'no_stream');
        await store.append(b, testEvents(2), 'no_stream');
        await store.append(a, testEvents(1), 1n);

        const all = await store.readAll({ filter: { categories: [category] } });
        expect(all.map((e) => `${e.stream}@${e.revision}`)).toEqual([`${a}@0`, `${a}@1`, `${b}@0`, `${b}@1`, `${a}@2`]);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);

        const after = await store.readAll({ fromPosition: all[1].position, filter: { categories: [category] }, maxCount: 2 });
        expect(after.map((e) => e.id)).toEqual([all[2].id, all[3].id]);
      });

      it('counts what readAll would return, up to a cap', async () => {
        await store.append(stream(), testEvents(5), 'no_stream');
        const all = await store.readAll({ filter: { categories: [category] } });
        expect(await store.countAll({ filter: { categories: [category] }, maxCount: 100 })).toBe(5);
        expect(await store.countAll({ filter: { categories: [category] }, maxCount: 3 })).toBe(3);
        expect(await store.countAll({ fromPosition: all[1].position, filter: { categories: [category] }, maxCount: 100 })).toBe(
          3,
        );
      });

      it('filters by event type, alone or with a category', async () => {
        const typeA = `${category}A`;
        const typeB = `${category}B`;
        await store.append(stream(), [testEvent(typeA), testEvent(typeB), testEvent(typeA)], 'no_stream');
        const other = uniqueCategory();
        await store.append(streamName(other, 'x'), [testEvent(typeA)], 'no_stream');

        expect(await store.readAll({ filter: { eventTypes: [typeA] } })).toHaveLength(3);
        expect(await store.readAll({ filter: { eventTypes: [typeB] } })).toHaveLength(1);
        expect(await store.readAll({ filter: { categories: [category], eventTypes: [typeA] } })).toHaveLength(2);
        expect(await store.readAll({ filter: { categories: [category, other] } })).toHaveLength(4);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers history, then caughtUp, then live events, in order', async () => {
        const s = stream();
        await store.append(s, testEvents(3), 'no_stream');
        const subscription = store.subscribeToAll({ filter: { categories: [category] } });
        const live = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          await store.append(s, testEvents(2), 2n);
        })();
        const { events, caughtUpAfter } = await collectSubscription(subscription, (events) => events.length >= 5);
        await live;
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(caughtUpAfter).toBeGreaterThanOrEqual(3);
      });

      it('resumes after a checkpoint without redelivering it', async () => {
        const s = stream();
        await store.append(s, testEvents(4), 'no_stream');
        const first = await collectSubscription(
          store.subscribeToAll({ filter: { categories: [category] } }),
          (e) => e.length >= 2,
        );
        const checkpoint = first.events[1].position;
        const resumed = await collectSubscription(
          store.subscribeToAll({ fromPosition: checkpoint, filter: { categories: [category] } }),
          (_events, caughtUp) => caughtUp,
        );
        expect(resumed.events.map((e) => e.revision)).toEqual([2n, 3n]);
      });

      it('ends, without delivering later events, once closed', async () => {
        const s = stream();
        await store.append(s, testEvents(1), 'no_stream');
        const subscription = store.subscribeToAll({ filter: { categories: [category] } });
        const iterator = subscription[Symbol.asyncIterator]();
        expect((await iterator.next()).value).toMatchObject({ kind: 'event', event: { stream: s, revision: 0n } });
        await subscription.close();
        const late = await store.append(s, testEvents(1), 0n);

        const drained: unknown[] = [];
        const deadline = Date.now() + 10_000;
        for (;;) {
          const next = await iterator.next();
          if (next.done) break;
          drained.push(next.value);
          if (Date.now() > deadline) throw new Error('a closed subscription kept delivering');
        }
        expect(drained).not.toContainEqual(
          expect.objectContaining({ event: expect.objectContaining({ position: late.position }) }),
        );
      });
    });

    describe('metadata', () => {
      it('keeps the actor, request ids and schema version exactly', async () => {
        const s = stream();
        const metadata = testMetadata({
          globalRequestId: `req-${randomUUID()}`,
          actor: { userId: 'u-9', projectId: 'p-9', roles: ['admin', 'member'] },
          schemaVersion: 2,
        });
        await store.append(s, [{ ...testEvent(), metadata }], 'no_stream');
        const [event] = await store.readStream(s);
        expect(event.metadata).toEqual(metadata);
      });
    });

    if (options.unreachable) {
      const unreachable = options.unreachable;
      describe('when the store cannot be reached', () => {
        it('answers EventStoreUnavailableError quickly instead of hanging', async () => {
          const down = unreachable();
          const started = Date.now();
          try {
            await expect(down.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
            await expect(down.append(streamName(category, 'x'), [testEvent()], 'any')).rejects.toBeInstanceOf(
              EventStoreUnavailableError,
            );
            await expect(down.readStream(streamName(category, 'x'))).rejects.toBeInstanceOf(EventStoreUnavailableError);
          } finally {
            await down.close();
          }
          expect(Date.now() - started).toBeLessThan(15_000);
        });
      });
    }
  });
}
