// Nova's aggregate capacity of a pod, as the usage collector reads it. The API was removed in
// microversion 2.88, so it is pinned to 2.87 (both microversion headers, for older Novas too).
import { z } from 'zod';
import { createPodHttp, podCall } from './pod-http';
import { UpstreamError } from './pod-http.errors';

export interface HypervisorStatistics {
  readonly count: number;
  readonly vcpus: number;
  readonly vcpusUsed: number;
  readonly memoryMb: number;
  readonly memoryMbUsed: number;
  readonly diskGb: number;
  readonly diskGbUsed: number;
  readonly runningVms: number;
}

export interface HypervisorStatisticsOptions {
  readonly timeoutMs: number;
  readonly globalRequestId?: string;
  /** Names the pod in errors; default "compute API at <host>". */
  readonly upstream?: string;
}

export const STATISTICS_MICROVERSION = '2.87';

const count = z.number().int().min(0);
const statisticsBody = z.object({
  hypervisor_statistics: z.object({
    count,
    vcpus: count,
    vcpus_used: count,
    memory_mb: count,
    memory_mb_used: count,
    local_gb: count,
    local_gb_used: count,
    running_vms: count,
  }),
});

/** GET /os-hypervisors/statistics with an admin token (podgate's service token). */
export async function getHypervisorStatistics(
  computeUrl: string,
  token: string,
  options: HypervisorStatisticsOptions,
): Promise<HypervisorStatistics> {
  const upstream = options.upstream ?? `compute API at ${new URL(computeUrl).host}`;
  const http = createPodHttp({ timeoutMs: options.timeoutMs });
  const response = await podCall<unknown>(http, {
    upstream,
    token,
    globalRequestId: options.globalRequestId,
    method: 'GET',
    url: `${computeUrl.replace(/\/+$/, '')}/os-hypervisors/statistics`,
    headers: {
      'OpenStack-API-Version': `compute ${STATISTICS_MICROVERSION}`,
      'X-OpenStack-Nova-API-Version': STATISTICS_MICROVERSION,
    },
  });
  const parsed = statisticsBody.safeParse(response.data);
  if (!parsed.success)
    throw new UpstreamError(upstream, response.status, 'serviceUnavailable', 'unexpected hypervisor_statistics body');
  const s = parsed.data.hypervisor_statistics;
  return {
    count: s.count,
    vcpus: s.vcpus,
    vcpusUsed: s.vcpus_used,
    memoryMb: s.memory_mb,
    memoryMbUsed: s.memory_mb_used,
    diskGb: s.local_gb,
    diskGbUsed: s.local_gb_used,
    runningVms: s.running_vms,
  };
}
