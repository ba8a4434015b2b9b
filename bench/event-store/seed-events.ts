import { randomBytes } from 'node:crypto';
import type { EventStore } from '@podgate/event-store';
import { serverActionEvents } from './bench-events';

const EVENTS_PER_APPEND = 100;
const SEEDERS = 4;

/**
 * Tops the log up to `minEvents` with the same events the append runs write, in appends of 100 so
 * the read and rebuild phases have their history quickly. Returns how many events the log holds.
 */
export async function seedEvents(store: EventStore, minEvents: number): Promise<number> {
  const present = await store.countAll({ maxCount: minEvents });
  const appendsNeeded = Math.ceil(Math.max(0, minEvents - present) / EVENTS_PER_APPEND);
  const run = randomBytes(3).toString('hex');
  let next = 0;
  const seeder = async (s: number) => {
    for (let i = next++; i < appendsNeeded; i = next++) {
      await store.append(`volume-seed${run}n${s}x${i}`, serverActionEvents(`seed${run}n${i}`, EVENTS_PER_APPEND, i), 'no_stream');
    }
  };
  await Promise.all(Array.from({ length: SEEDERS }, (_, s) => seeder(s)));
  return store.countAll({ maxCount: Number.MAX_SAFE_INTEGER });
}
