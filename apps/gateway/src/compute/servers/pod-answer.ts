import { type ForwardedResponse, mapUpstreamFailure, rewritePodLinks, rewritePodLocation } from '@podgate/openstack';
import type { FastifyReply } from 'fastify';

/** A pod's answer as podgate passes it on. */
export interface PodAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly location?: string;
}

/**
 * The pod's 2xx-4xx answer with its links and Location pointing at podgate (`publicCompute` is
 * podgate's `<public>/compute/v2.1`), the body passed through `view` (AZ, provisioning tag). A 5xx
 * is the pod failing, not the client: it becomes podgate's 503 naming the pod (UpstreamError).
 */
export function podAnswer(
  response: ForwardedResponse,
  podName: string,
  publicCompute: string,
  view: (body: unknown) => unknown = (body) => body,
): PodAnswer {
  if (response.status >= 500)
    throw mapUpstreamFailure({ upstream: `${podName} compute`, status: response.status, body: response.body });
  const isError = response.status >= 400;
  const body = isError ? response.body : view(rewritePodLinks(response.body, response.podBaseUrl, publicCompute));
  const location = rewritePodLocation(response.headers.location, response.podBaseUrl, publicCompute);
  return { status: response.status, body, ...(location === undefined ? {} : { location }) };
}

/** Sets the status and Location on Nest's passthrough reply; the returned value is the body. */
export function sendPodAnswer(reply: FastifyReply, answer: PodAnswer): unknown {
  void reply.status(answer.status);
  if (answer.location !== undefined) void reply.header('location', answer.location);
  return answer.body === undefined || answer.body === '' ? undefined : answer.body;
}
