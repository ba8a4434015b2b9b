import { type ForwardedResponse, UpstreamError } from '@podgate/openstack';
import { apiLinkBase } from '../links';
import { COMPUTE_API, VOLUME_API } from '../service-api';
import { podAnswer } from './pod-answer';

const PROJECT = 'f00d';
const response = (status: number, body: unknown, location?: string): ForwardedResponse => ({
  status,
  body,
  headers: location === undefined ? {} : { location: location },
  podBaseUrl: `http://pod/volume/v3/${PROJECT}`,
});

describe('podAnswer', () => {
  it('names the pod’s service of the request’s API in the 503 for a pod’s 5xx', () => {
    const fail = (api: typeof VOLUME_API) => () =>
      podAnswer(response(500, { computeFault: { code: 500, message: 'boom' } }), 'Pod1', {
        base: apiLinkBase(api, 'https://gw'),
        podProjectId: PROJECT,
      });
    expect(fail(VOLUME_API)).toThrow(UpstreamError);
    expect(fail(VOLUME_API)).toThrow(expect.objectContaining({ upstream: 'Pod1 volume' }));
    expect(fail(COMPUTE_API)).toThrow(expect.objectContaining({ upstream: 'Pod1 compute' }));
  });

  it('puts a volume answer’s links and Location on podgate, in the client’s form', () => {
    const base = apiLinkBase(VOLUME_API, 'https://gw');
    const body = { volume: { id: 'v1', links: [{ rel: 'self', href: `http://pod/volume/v3/${PROJECT}/volumes/v1` }] } };
    const answer = podAnswer(response(202, body, `http://pod/volume/v3/${PROJECT}/volumes/v1`), 'Pod1', {
      base,
      podProjectId: PROJECT,
    });
    expect(answer).toEqual({
      status: 202,
      body: { volume: { id: 'v1', links: [{ rel: 'self', href: 'https://gw/volume/v3/volumes/v1' }] } },
      location: 'https://gw/volume/v3/volumes/v1',
    });
  });
});
