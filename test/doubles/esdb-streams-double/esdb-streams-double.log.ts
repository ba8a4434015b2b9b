/**
 * TEST DOUBLE: an in-memory stand-in for EventStoreDB's transaction log and stream index, with the
 * server's append rules (expected revision checks and idempotent re-appends). Single-threaded JS
 * makes every append atomic, like the server's single writer.
 */

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  readonly stream: string;
  readonly revision: bigint;
  /** Log offset of the record. Modern EventStoreDB reports it as both commit and prepare position. */
  readonly position: bigint;
  /** Unix epoch in 100 ns ticks, the unit of the `created` metadata entry on the wire. */
  readonly createdTicks: bigint;
}

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'noStream' }
  | { readonly kind: 'streamExists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type AppendOutcome =
  | { readonly kind: 'written'; readonly currentRevision: bigint; readonly position: bigint | undefined }
  /** `currentRevision` is undefined when the stream does not exist. */
  | { readonly kind: 'wrongExpectedVersion'; readonly currentRevision: bigint | undefined };

type Decision = { kind: 'append' } | { kind: 'idempotent'; last: StoredEvent } | { kind: 'wrongExpectedVersion' };

/** Fixed bytes per record besides its payload, so positions grow like offsets in a real log. */
const RECORD_OVERHEAD = 96n;
/** A real log never starts at 0 (chunk header, epoch records), so `0/0` is never an event's position. */
const FIRST_RECORD_POSITION = 256n;
const TICKS_PER_MILLISECOND = 10_000n;

export class InMemoryEventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, { events: StoredEvent[]; byId: Map<string, StoredEvent> }>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = FIRST_RECORD_POSITION;

  get size(): number {
    return this.all.length;
  }

  at(index: number): StoredEvent {
    return this.all[index];
  }

  streamEvents(stream: string): readonly StoredEvent[] {
    return this.streams.get(stream)?.events ?? [];
  }

  /** Index of the first event at or after (`inclusive`) or strictly after the given log position. */
  indexOf(commit: bigint, prepare: bigint, inclusive: boolean): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const order = compareToPosition(this.all[middle].position, commit, prepare);
      if (order > 0 || (inclusive && order === 0)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Calls `listener` after every append that wrote events; returns the unsubscribe function. */
  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(stream: string, expected: ExpectedState, events: readonly ProposedEvent[]): AppendOutcome {
    const entry = this.streams.get(stream) ?? { events: [], byId: new Map<string, StoredEvent>() };
    const current = BigInt(entry.events.length) - 1n;
    const decision = decide(entry.events, entry.byId, expected, events);
    switch (decision.kind) {
      case 'wrongExpectedVersion':
        return { kind: 'wrongExpectedVersion', currentRevision: current < 0n ? undefined : current };
      case 'idempotent':
        // The server answers a retried write with the result of the original one.
        return { kind: 'written', currentRevision: decision.last.revision, position: decision.last.position };
      case 'append':
        break;
      default:
        return assertNever(decision);
    }
    if (events.length === 0) return { kind: 'written', currentRevision: current, position: undefined };
    this.streams.set(stream, entry);
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    for (const event of events) {
      const stored: StoredEvent = {
        ...event,
        stream,
        revision: BigInt(entry.events.length),
        position: this.nextPosition,
        createdTicks,
      };
      this.nextPosition += RECORD_OVERHEAD + recordBytes(stored);
      entry.events.push(stored);
      entry.byId.set(stored.id, stored);
      this.all.push(stored);
    }
    const last = entry.events[entry.events.length - 1];
    for (const listener of [...this.listeners]) listener();
    return { kind: 'written', currentRevision: last.revision, position: last.position };
  }
}

/** EventStoreDB's commit check: expected revision, then whether the write is a retry of one already done. */
function decide(
  events: readonly StoredEvent[],
  byId: ReadonlyMap<string, StoredEvent>,
  expected: ExpectedState,
  proposed: readonly ProposedEvent[],
): Decision {
  const current = BigInt(events.length) - 1n;
  switch (expected.kind) {
    case 'any':
      return decideAny(byId, proposed);
    case 'streamExists':
      return current < 0n ? { kind: 'wrongExpectedVersion' } : decideAny(byId, proposed);
    case 'noStream':
      return decideExact(events, -1n, proposed);
    case 'revision':
      return decideExact(events, expected.revision, proposed);
    default:
      return assertNever(expected);
  }
}

/** Without an exact expectation the server looks the ids up: all known is a retry, some known is a conflict. */
function decideAny(byId: ReadonlyMap<string, StoredEvent>, proposed: readonly ProposedEvent[]): Decision {
  if (proposed.length === 0 || !byId.has(proposed[0].id)) return { kind: 'append' };
  let last: StoredEvent | undefined;
  for (const event of proposed) {
    last = byId.get(event.id);
    if (!last) return { kind: 'wrongExpectedVersion' };
  }
  return last ? { kind: 'idempotent', last } : { kind: 'append' };
}

/** With an exact expectation a retry is recognised only when the same ids follow that revision. */
function decideExact(events: readonly StoredEvent[], expected: bigint, proposed: readonly ProposedEvent[]): Decision {
  const current = BigInt(events.length) - 1n;
  if (expected === current) return { kind: 'append' };
  if (expected > current || proposed.length === 0) return { kind: 'wrongExpectedVersion' };
  const start = Number(expected) + 1;
  const retried = proposed.every((event, i) => events[start + i]?.id === event.id);
  return retried ? { kind: 'idempotent', last: events[start + proposed.length - 1] } : { kind: 'wrongExpectedVersion' };
}

function compareToPosition(position: bigint, commit: bigint, prepare: bigint): number {
  if (position !== commit) return position < commit ? -1 : 1;
  if (position !== prepare) return position < prepare ? -1 : 1;
  return 0;
}

function recordBytes(event: StoredEvent): bigint {
  return BigInt(
    Buffer.byteLength(event.stream) + Buffer.byteLength(event.type) + event.data.length + event.customMetadata.length,
  );
}

export function assertNever(value: never): never {
  throw new TypeError(`unexpected value: ${JSON.stringify(value)}`);
}
