// Faults injected into one listener of the pod simulator (a test double) at run time.
// Randomness comes from a seeded generator so an error rate is reproducible run to run.

export interface FaultSettings {
  /** Added before every API request is handled. */
  latencyMs: number;
  /**
   * Added after a request is handled, before its answer is sent: the pod does the work and the
   * caller may give up first (a create whose answer is lost).
   */
  answerDelayMs: number;
  /** Fraction (0..1) of API requests answered with `errorStatus` instead of being handled. */
  errorRate: number;
  errorStatus: 500 | 503;
  /** Accept requests and never answer them. */
  hang: boolean;
  /** Hypervisors report no free resources and the scheduler finds no valid host. */
  capacityExhausted: boolean;
  /** When set, latency, errors and hang only hit requests whose path starts with it (e.g. `/compute`). */
  pathPrefix: string | null;
}

export const NO_FAULTS: FaultSettings = Object.freeze({
  latencyMs: 0,
  answerDelayMs: 0,
  errorRate: 0,
  errorStatus: 503,
  hang: false,
  capacityExhausted: false,
  pathPrefix: null,
});

export class FaultState {
  private current: FaultSettings = { ...NO_FAULTS };
  private seed: number;

  constructor(private readonly initialSeed = 42) {
    this.seed = initialSeed;
  }

  get settings(): Readonly<FaultSettings> {
    return this.current;
  }

  update(patch: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...patch };
    return this.current;
  }

  reset(): void {
    this.current = { ...NO_FAULTS };
    this.seed = this.initialSeed;
  }

  /** Whether the request-level faults (latency, errors, hang) apply to this path. */
  applies(path: string): boolean {
    if (path.startsWith('/__sim')) return false;
    return this.current.pathPrefix === null || path.startsWith(this.current.pathPrefix);
  }

  /** mulberry32: small, seeded, good enough to spread errors evenly. */
  nextRandom(): number {
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
