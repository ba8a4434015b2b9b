/**
 * Fewer active bindings weigh more, normalised to 0..1 across the candidates as Nova normalises
 * weighers (the pod with fewest gets 1, the one with most 0; all equal gives 0 to each), so the
 * configured multiplier means the same whatever the absolute counts are.
 */
export function fewerBindingsWeights(activeBindings: readonly number[]): number[] {
  const most = Math.max(...activeBindings);
  const fewest = Math.min(...activeBindings);
  return activeBindings.map((count) => (most === fewest ? 0 : (most - count) / (most - fewest)));
}
