// Time for the pod simulator (a test double). Every state change is computed from an injectable
// clock so tests can move time forward instead of sleeping.

export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock that only moves when told to; for deterministic state-machine tests. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(startMs = Date.UTC(2024, 0, 1)): ManualClock {
  let now = startMs;
  const clock = (() => now) as ManualClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (ms) => {
    now = ms;
  };
  return clock;
}

// Each OpenStack service prints timestamps its own way; clients parse them strictly enough that
// the differences matter (e.g. openstacksdk vs. cinderclient), so each format is kept apart.

/** Nova `created`/`updated` and Glance/Neutron: `2024-01-01T00:00:00Z`. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Cinder `created_at`, Nova `launched_at` and instance actions: `2024-01-01T00:00:00.000000`. */
export const isoMicrosNaive = (ms: number): string => new Date(ms).toISOString().replace(/Z$/, '000');

/** Keystone `expires_at`/`issued_at`: `2024-01-01T00:00:00.000000Z`. */
export const isoMicrosZulu = (ms: number): string => `${isoMicrosNaive(ms)}Z`;
