// Finding an attachment by id across the caller's volume pods: a 404 only when every pod says so in
// Cinder's words; a pod that fails is an outage, never "not found" (a client would take it as gone).
import type { QueryBus } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, type ForwardRequest, PodUnreachableError, UpstreamError } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import type { VolumeResourceLocation } from '@podgate/volumes';
import type { FastifyRequest } from 'fastify';
import { NEGOTIATED_VERSION } from '../../api/microversion';
import { VOLUME_API } from '../../api/service-api';
import type { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { AttachmentLocator } from './attachment-locator';
import { AttachmentNotFoundError } from './attachment.errors';

const pod = (n: number) => ({ podId: `pod-${n}`, name: `Pod${n}` }) as PodView;
const PODS = [pod(1), pod(2)];
const ID = 'a7a7a7a7-0000-4000-8000-000000000001';
const NOT_FOUND = {
  itemNotFound: { code: 404, message: `Volume attachment could not be found with filter: attachment_id = ${ID}.` },
};
const answer = (status: number, body: unknown): ForwardedResponse => ({
  status,
  body,
  headers: {},
  podBaseUrl: 'http://pod/v3/p',
});
const context = { requestId: 'r', caller: { userId: 'u', projectId: 'p', roles: ['member'] } } as unknown as RequestContext;
const request = {
  url: `/volume/v3/attachments/${ID}`,
  [NEGOTIATED_VERSION]: { api: VOLUME_API, version: { major: 3, minor: 27 } },
} as unknown as FastifyRequest;

function locatorAnswering(...answers: (ForwardedResponse | Error)[]) {
  const queries = { execute: jest.fn().mockResolvedValue(PODS) } as unknown as QueryBus;
  const volume = { kind: 'volume', id: 'v1', pod: PODS[1] } as VolumeResourceLocation;
  const calls = { locate: jest.fn().mockResolvedValue(volume) } as unknown as VolumeResourceCalls;
  const forward = jest.fn((call: ForwardRequest) => {
    const given = answers[PODS.findIndex((p) => p.podId === call.pod.podId)];
    return given instanceof Error ? Promise.reject(given) : Promise.resolve(given);
  });
  return { locator: new AttachmentLocator(queries, calls, { forward }), volume };
}

describe('AttachmentLocator', () => {
  it('finds the attachment in the pod that has it', async () => {
    const shown = answer(200, { attachment: { id: ID, volume_id: 'v1' } });
    const { locator, volume } = locatorAnswering(answer(404, NOT_FOUND), shown);
    await expect(locator.locate(request, context, ID)).resolves.toEqual({ volume, response: shown });
  });

  it('answers Cinder’s 404 only when every pod gave Cinder’s itemNotFound', async () => {
    const { locator } = locatorAnswering(answer(404, NOT_FOUND), answer(404, NOT_FOUND));
    await expect(locator.locate(request, context, ID)).rejects.toBeInstanceOf(AttachmentNotFoundError);
  });

  it.each([
    ['a 503 (fault injection)', answer(503, { computeFault: { code: 503, message: 'injected' } })],
    ['a 500', answer(500, 'Internal Server Error')],
    ['a 404 that is not Cinder’s (a proxy’s page)', answer(404, '<html>Not Found</html>')],
  ])('answers the pod’s outage (503 naming “<pod> volume”), not 404, when a pod answers %s', async (_name, failed) => {
    const { locator } = locatorAnswering(answer(404, NOT_FOUND), failed);
    const error = await locator.locate(request, context, ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstream: 'Pod2 volume', kind: 'serviceUnavailable', status: failed.status });
  });

  it('answers the outage of a pod that could not be reached', async () => {
    const down = new PodUnreachableError('Pod1 volume', 'connection refused', 'ECONNREFUSED');
    const { locator } = locatorAnswering(down, answer(404, NOT_FOUND));
    await expect(locator.locate(request, context, ID)).rejects.toBe(down);
  });

  it('passes on a pod’s refusal of the request in its own words', async () => {
    const { locator } = locatorAnswering(
      answer(403, { forbidden: { code: 403, message: 'Policy does not allow' } }),
      answer(404, NOT_FOUND),
    );
    await expect(locator.locate(request, context, ID)).rejects.toMatchObject({ kind: 'forbidden', upstream: 'Pod1 volume' });
  });
});
