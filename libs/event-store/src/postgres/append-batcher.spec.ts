import type { AppendResult } from '../event-store.port';
import { testEvent } from '../testing';
import { AppendBatcher, type PendingAppend } from './append-batcher';

/** A writer whose batches finish when the test says so. */
function controlledWriter() {
  const batches: { streams: string[]; finish: (error?: Error) => void }[] = [];
  const write = (batch: PendingAppend[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push({
        streams: batch.map((p) => p.stream),
        finish: (error) => {
          if (error) return reject(error);
          batch.forEach((p, i) => p.resolve({ nextRevision: BigInt(i), position: { commit: 1n, prepare: BigInt(i) } }));
          resolve();
        },
      });
    });
  return { write, batches };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AppendBatcher', () => {
  it('writes a lone append at once, alone', async () => {
    const { write, batches } = controlledWriter();
    const batcher = new AppendBatcher(write, { maxInFlight: 1, maxBatch: 10 });
    const appended = batcher.append('s-1', [testEvent()], 'any');
    expect(batches.map((b) => b.streams)).toEqual([['s-1']]);
    batches[0].finish();
    await expect(appended).resolves.toEqual<AppendResult>({ nextRevision: 0n, position: { commit: 1n, prepare: 0n } });
  });

  it('sends what arrived while batches were in flight together, up to maxBatch, at most maxInFlight at a time', async () => {
    const { write, batches } = controlledWriter();
    const batcher = new AppendBatcher(write, { maxInFlight: 2, maxBatch: 3 });
    const appends = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((s) => batcher.append(s, [testEvent()], 'any'));
    expect(batches.map((b) => b.streams)).toEqual([['a'], ['b']]);
    batches[1].finish();
    await tick();
    expect(batches.map((b) => b.streams)).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    batches[0].finish();
    await tick();
    expect(batches.map((b) => b.streams)).toEqual([['a'], ['b'], ['c', 'd', 'e'], ['f', 'g']]);
    batches[2].finish();
    batches[3].finish();
    await expect(Promise.all(appends)).resolves.toHaveLength(7);
  });

  it('fails the appends of a batch whose write throws, and goes on with the next', async () => {
    const { write, batches } = controlledWriter();
    const batcher = new AppendBatcher(write, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.append('a', [testEvent()], 'any');
    const queued = [batcher.append('b', [testEvent()], 'any'), batcher.append('c', [testEvent()], 'any')];
    batches[0].finish(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    expect(batches[1].streams).toEqual(['b', 'c']);
    batches[1].finish();
    await expect(Promise.all(queued)).resolves.toHaveLength(2);
  });
});
