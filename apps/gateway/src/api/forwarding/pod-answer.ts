import { type ForwardedResponse, mapUpstreamFailure } from '@podgate/openstack';
import type { FastifyReply } from 'fastify';
import { type ApiLinkBase, clientLinks, clientLocation } from '../links';

/** A pod's answer as podgate passes it on. */
export interface PodAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly location?: string;
}

/** Where the answer's links must point: this request's link base, and the project podgate called the pod for. */
export interface AnswerLinks {
  readonly base: ApiLinkBase;
  readonly podProjectId: string;
}

/**
 * The pod's 2xx-4xx answer with its links and Location pointing at podgate, in the URL form the
 * client used, the body passed through `view` (AZ, provisioning tag). A 5xx is the pod failing, not
 * the client: it becomes podgate's 503 naming the pod's service (`Pod1 compute`, `Pod1 volume`:
 * the API of `links.base`) (UpstreamError).
 */
export function podAnswer(
  response: ForwardedResponse,
  podName: string,
  links: AnswerLinks,
  view: (body: unknown) => unknown = (body) => body,
): PodAnswer {
  if (response.status >= 500)
    throw mapUpstreamFailure({
      upstream: `${podName} ${links.base.api.serviceType}`,
      status: response.status,
      body: response.body,
    });
  const isError = response.status >= 400;
  const body = isError ? response.body : view(clientLinks(response.body, response.podBaseUrl, links.base, links.podProjectId));
  const location = clientLocation(response.headers.location, response.podBaseUrl, links.base, links.podProjectId);
  return { status: response.status, body, ...(location === undefined ? {} : { location }) };
}

/** Sets the status and Location on Nest's passthrough reply; the returned value is the body. */
export function sendPodAnswer(reply: FastifyReply, answer: PodAnswer): unknown {
  void reply.status(answer.status);
  if (answer.location !== undefined) void reply.header('location', answer.location);
  return answer.body === undefined || answer.body === '' ? undefined : answer.body;
}
