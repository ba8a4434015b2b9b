import { EventStoreUnavailableError } from '../event-store.errors';
import type { StreamingRead } from './esdb-client';

/**
 * Collects a finite read. The client gives reads no deadline at all (it overrides ours with
 * Infinity), so a server that accepts the call and then goes silent would hang us: this fails the
 * read when nothing arrives for `idleMs`, however long the whole read takes. Driver errors are
 * passed on untranslated; the caller knows the stream to name.
 */
export function collectRead<T>(read: StreamingRead<T>, idleMs: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const items: T[] = [];
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        settle(() => reject(new EventStoreUnavailableError(`no answer within ${idleMs} ms`)));
        void read.cancel().catch(() => undefined);
      }, idleMs);
    };
    read.on('data', (item: T) => {
      items.push(item);
      arm();
    });
    // Stays attached after settling: a second error with no listener would crash the process.
    read.on('error', (error: Error) => settle(() => reject(error)));
    read.on('end', () => settle(() => resolve(items)));
    arm();
  });
}

/**
 * Bounds a call the client may leave waiting: before its first append the client asks the server
 * for its features with no deadline, so a server that accepts connections but never answers would
 * hold the append forever. The abandoned call's late outcome is ignored; a write that did happen
 * is safe to retry, since re-appending the same event ids is idempotent.
 */
export function withDeadline<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new EventStoreUnavailableError(`no answer within ${ms} ms`)), ms);
  });
  call.catch(() => undefined);
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}
