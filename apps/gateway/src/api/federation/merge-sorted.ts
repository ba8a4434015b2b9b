// The merge step of a federated list, pure.

/**
 * K-way merge of sorted runs, taking at most `count` items. Runs are in pod index order and a tie
 * goes to the earlier run. A linear scan of the heads: pods are few (a heap pays off past ~50).
 */
export function mergeSorted<T>(
  runs: readonly (readonly T[])[],
  valuesOf: (item: T) => readonly unknown[],
  order: (a: readonly unknown[], b: readonly unknown[]) => number,
  count: number,
): T[] {
  const positions = runs.map(() => 0);
  const heads = runs.map((run) => (run.length ? valuesOf(run[0]) : undefined));
  const out: T[] = [];
  while (out.length < count) {
    let best = -1;
    for (let r = 0; r < runs.length; r += 1) {
      const head = heads[r];
      if (head !== undefined && (best < 0 || order(head, heads[best] as readonly unknown[]) < 0)) best = r;
    }
    if (best < 0) break;
    const run = runs[best];
    out.push(run[positions[best]]);
    positions[best] += 1;
    heads[best] = positions[best] < run.length ? valuesOf(run[positions[best]]) : undefined;
  }
  return out;
}
