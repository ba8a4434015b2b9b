import { randomUUID } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { startEsdbStreamsDouble, type EsdbStreamsDouble } from '../../../../test/doubles/esdb-streams-double';
import { EventStoreUnavailableError, StreamVersionConflictError } from '../event-store.errors';
import type { EventStore } from '../event-store.port';
import { streamName } from '../stream-name';
import { collectSubscription, testEvent, testEvents, uniqueCategory } from '../testing';
import { EsdbClient } from './esdb-client';
import { createEsdbEventStore } from './esdb-event-store';
import { collectRead } from './esdb-deadlines';

/** What the contract does not pin down but the EventStoreDB adapter must get right. */
describe('EventStoreDB adapter beyond the contract (against the gRPC double)', () => {
  let double: EsdbStreamsDouble;
  let store: EventStore;

  beforeAll(async () => {
    double = await startEsdbStreamsDouble();
    store = createEsdbEventStore(double.connectionString, { readAllPageSize: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await double?.stop();
  });

  it('never returns the system events EventStoreDB keeps in $all', async () => {
    await store.append(streamName(uniqueCategory(), 'x'), [testEvent()], 'no_stream');
    const raw = EsdbClient.connectionString(double.connectionString);
    try {
      const everything = await collectRead(raw.readAll(), 2_000);
      expect(everything.some((e) => e.event?.streamId.startsWith('$'))).toBe(true);
    } finally {
      await raw.dispose();
    }

    const all = await store.readAll();
    const { events } = await collectSubscription(store.subscribeToAll(), (_events, caughtUp) => caughtUp);
    for (const event of [...all, ...events]) {
      expect(event.stream.startsWith('$') || event.type.startsWith('$')).toBe(false);
    }
    expect(all.length).toBeGreaterThan(0);
    expect(events.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('pages through $all when filtering on the client, counting only matching events (readAll and countAll)', async () => {
    const wanted = uniqueCategory();
    const other = uniqueCategory();
    for (let n = 0; n < 5; n++) {
      await store.append(streamName(other, `o${n}`), [testEvent()], 'no_stream');
      await store.append(streamName(wanted, `w${n}`), [testEvent()], 'no_stream');
    }
    const first = await store.readAll({ filter: { categories: [wanted] }, maxCount: 3 });
    expect(first.map((e) => e.stream)).toEqual([0, 1, 2].map((n) => streamName(wanted, `w${n}`)));

    const rest = await store.readAll({ fromPosition: first[2].position, filter: { categories: [wanted] } });
    expect(rest.map((e) => e.stream)).toEqual([3, 4].map((n) => streamName(wanted, `w${n}`)));
    expect(await store.countAll({ filter: { categories: [wanted] }, maxCount: 100 })).toBe(5);
    expect(await store.countAll({ filter: { categories: [wanted] }, maxCount: 4 })).toBe(4);
  });

  it('signals caughtUp right after the last historical event, even past the client buffer and for a slow reader', async () => {
    const category = uniqueCategory();
    const stream = streamName(category, 'long');
    let expected: 'no_stream' | bigint = 'no_stream';
    for (let batch = 0; batch < 6; batch++) {
      expected = (await store.append(stream, testEvents(50), expected)).nextRevision;
    }
    const revisions: bigint[] = [];
    let caughtUpAfter: number | undefined;
    for await (const message of store.subscribeToAll({ filter: { categories: [category] } })) {
      // A slow consumer: the client's buffer fills and the server has to wait for us.
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (message.kind === 'caughtUp') {
        caughtUpAfter = revisions.length;
        break;
      }
      revisions.push(message.event.revision);
    }
    expect(caughtUpAfter).toBe(300);
    expect(revisions).toEqual(Array.from({ length: 300 }, (_, n) => BigInt(n)));
  });

  it('treats a retry with expectation any as the original write, and a partial retry as a conflict', async () => {
    const stream = streamName(uniqueCategory(), randomUUID());
    const events = testEvents(2);
    const first = await store.append(stream, events, 'any');
    await expect(store.append(stream, events, 'any')).resolves.toEqual(first);
    await expect(store.append(stream, [events[1], testEvent()], 'any')).rejects.toBeInstanceOf(StreamVersionConflictError);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('answers EventStoreUnavailableError from a server that accepts connections but never speaks', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const mute = createEsdbEventStore(`esdb://127.0.0.1:${port}?tls=false`, { deadlineMs: 400, pingDeadlineMs: 200 });
    try {
      await expect(mute.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(mute.append(streamName(uniqueCategory(), 'x'), [testEvent()], 'any')).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(mute.readStream(streamName(uniqueCategory(), 'x'))).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(mute.subscribeToAll()[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await mute.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('fails a subscription with EventStoreUnavailableError when the server goes away', async () => {
    const doomed = await startEsdbStreamsDouble();
    const doomedStore = createEsdbEventStore(doomed.connectionString);
    try {
      const iterator = doomedStore.subscribeToAll({ filter: { categories: [uniqueCategory()] } })[Symbol.asyncIterator]();
      await expect(iterator.next()).resolves.toEqual({ done: false, value: { kind: 'caughtUp' } });
      const next = iterator.next();
      await doomed.stop();
      await expect(next).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await doomedStore.close();
    }
  });
});
