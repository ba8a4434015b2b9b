/** Latency summary in milliseconds. */
export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentiles over every sample (a run records at most a few hundred thousand). */
export function summarize(samplesMs: readonly number[]): LatencySummary {
  if (samplesMs.length === 0) return { p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(samplesMs).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { p50: round(rank(0.5)), p99: round(rank(0.99)), max: round(sorted[sorted.length - 1]), mean: round(mean) };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const elapsedMs = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;
