import type { PodProxy } from '@podgate/openstack';

/**
 * with_count (3.45) over pods: each pod's list answer carries its own `count` of the items matching
 * the filters, and the merged count is their sum. Read off the pods' list answers as they pass (the
 * merge itself keeps only items), once per pod: every page of a pod says the same.
 */
export class PodCounts {
  private readonly counts = new Map<string, number | null>();

  constructor(private readonly listPath: string) {}

  /** The proxy the list calls pods through, noting each pod's `count`. */
  observe(proxy: Pick<PodProxy, 'forward'>): Pick<PodProxy, 'forward'> {
    return {
      forward: async (request) => {
        const response = await proxy.forward(request);
        if (request.path === this.listPath && response.status < 300 && !this.counts.has(request.pod.podId)) {
          const count = (response.body as { count?: unknown } | undefined)?.count;
          this.counts.set(request.pod.podId, typeof count === 'number' && Number.isInteger(count) ? count : null);
        }
        return response;
      },
    };
  }

  /** The sum of every pod's count; the pods (by id) whose answer carried none, if any. */
  total(): { readonly count: number; readonly uncounted: readonly string[] } {
    let count = 0;
    const uncounted: string[] = [];
    for (const [podId, podCount] of this.counts)
      if (podCount === null) uncounted.push(podId);
      else count += podCount;
    return { count, uncounted };
  }
}
