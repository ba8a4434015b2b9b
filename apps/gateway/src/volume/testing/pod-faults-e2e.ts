// Test helper (excluded from the build): what the volume API's down- and slow-pod e2e specs assert alike.
import type { Test } from 'supertest';
import { type ComputeHarness, startComputeHarness } from '../../testing/gateway-harness';

/** The per-pod list timeout of the failing-pod harness: a slower pod is cut from merged lists. */
export const LIST_TIMEOUT_MS = 800;

/**
 * The failing-pod specs' podgate: two pods, az1 and az2 (whose own AZ is `nova`, so every answer's AZ is
 * translated), lists cut at LIST_TIMEOUT_MS; `env` adds settings (e.g. `PODGATE_POD_TIMEOUT_MS`).
 */
export const startFailingPodsHarness = (env: Record<string, string> = {}): Promise<ComputeHarness> =>
  startComputeHarness({
    pods: [{ az: 'az1' }, { az: 'az2', podAz: 'nova' }],
    env: { PODGATE_POD_LIST_TIMEOUT_MS: String(LIST_TIMEOUT_MS), ...env },
  });

/** The ids of tenant-a's (alice's) snapshots or backups held by one pod's simulated Cinder. */
export const tenantIdsIn = (h: ComputeHarness, pod: number, kind: 'snapshots' | 'backups'): string[] =>
  [...h.pods[pod].sim.state.cinder[kind].values()]
    .filter((item) => item.projectId === h.projectIdOf('tenant-a'))
    .map((item) => item.id);

/** podgate's answer for a call on a resource whose pod is down: one fault, naming the pod. */
export const podDownFault = (podName: string) => ({
  serviceUnavailable: { code: 503, message: `${podName} volume is unreachable: connection refused.` },
});

/** podgate's answer for a call on a resource whose pod did not answer within `timeoutMs` (slow or hung). */
export const podTimeoutFault = (podName: string, timeoutMs: number) => ({
  serviceUnavailable: { code: 503, message: `${podName} volume is unreachable: no answer within ${timeoutMs} ms.` },
});

/** A call's answer (status, body, headers) and how long it took in ms. */
export async function timed(
  call: PromiseLike<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>,
) {
  const started = Date.now();
  const { status, body, headers } = await call;
  return { status, body, headers, ms: Date.now() - started };
}

/** Sends the calls one by one: each must answer podgate's 503 naming the pod, whatever route it took. */
export async function expectEachPodDown(calls: readonly Test[], podName: string): Promise<void> {
  for (const call of calls) expect((await call.expect(503)).body).toEqual(podDownFault(podName));
}

export interface SlowListCase {
  /** The list routes to ask, e.g. `/volume/v3/backups` and `/volume/v3/backups/detail`. */
  readonly paths: readonly string[];
  /** Lists one route as the tenant sees it: the ids, sorted. */
  readonly listed: (path: string) => Promise<string[]>;
  /** The pod made slower (3 s) than the harness's per-pod list timeout (LIST_TIMEOUT_MS). */
  readonly slowPod: number;
  /** The ids every route must answer while that pod is slow (the other pods' resources), sorted. */
  readonly others: readonly string[];
  /** The ids the first route answers once the pod is quick again (all of them), sorted. */
  readonly all: readonly string[];
}

/**
 * A merged list leaves a slow pod out at the per-pod timeout and answers the others' resources in
 * time (200, within 2.5 s); once the pod is quick again it is back in the answer.
 */
export async function expectSlowPodLeftOut(h: ComputeHarness, list: SlowListCase): Promise<void> {
  h.pods[list.slowPod].sim.faults.update({ latencyMs: 3000 });
  try {
    for (const path of list.paths) {
      const started = Date.now();
      const ids = await list.listed(path);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(ids).toEqual(list.others);
    }
  } finally {
    h.pods[list.slowPod].sim.faults.reset();
  }
  expect(await list.listed(list.paths[0])).toEqual(list.all);
}
