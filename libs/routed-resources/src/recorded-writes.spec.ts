import { type ForwardedResponse, type ForwardRequest, PodUnreachableError } from '@podgate/openstack';
import { forwardRecordedAction, forwardRecordedDelete } from './index';

const TOKEN = 'gAAAA-the-callers-token';
const request: ForwardRequest = {
  pod: {} as never,
  projectId: 'p',
  service: 'volume',
  method: 'POST',
  path: '/volumes/v/action',
  token: TOKEN,
  body: { 'os-extend': { new_size: 2 } },
};
const answer = (status: number, body?: unknown): ForwardedResponse => ({ status, headers: {}, body }) as ForwardedResponse;
const itemNotFound = { itemNotFound: { code: 404, message: 'Volume v could not be found.' } };

/** A pod double that answers once, and the journal of what the write recorded, in order. */
function harness(pod: () => Promise<ForwardedResponse>) {
  const journal: string[] = [];
  const note = (entry: string) => () => Promise.resolve(journal.push(entry));
  const proxy = {
    forward: () => {
      journal.push('forwarded');
      return pod();
    },
  };
  const common = {
    request,
    what: 'the write',
    requested: note('requested'),
    failed: (failure: { status: number; message: string }) => note(`failed ${failure.status} ${failure.message}`)(),
  };
  return { journal, proxy, common, note, logger: { error: jest.fn() } };
}

describe('forwardRecordedAction', () => {
  it('records the request before the pod hears of it and the success after', async () => {
    const h = harness(() => Promise.resolve(answer(202)));
    const response = await forwardRecordedAction(h.proxy, h.logger, {
      ...h.common,
      succeeded: (status) => h.note(`succeeded ${status}`)(),
      forgetRoute: () => h.journal.push('forgot'),
    });
    expect(response.status).toBe(202);
    expect(h.journal).toEqual(['requested', 'forwarded', 'succeeded 202']);
  });

  it('records a refusal with the pod’s message, and forgets a route the pod answered 404 for', async () => {
    const h = harness(() => Promise.resolve(answer(404, itemNotFound)));
    await forwardRecordedAction(h.proxy, h.logger, {
      ...h.common,
      succeeded: () => h.note('succeeded')(),
      forgetRoute: () => h.journal.push('forgot'),
    });
    expect(h.journal).toEqual(['requested', 'forwarded', 'forgot', 'failed 404 Volume v could not be found.']);
  });

  it('records an unreachable pod as failed, scrubbed of the caller’s token, and throws its error on', async () => {
    const down = new PodUnreachableError('Pod1 volume', `refused with ${TOKEN}`, 'ECONNREFUSED');
    const h = harness(() => Promise.reject(down));
    const call = forwardRecordedAction(h.proxy, h.logger, {
      ...h.common,
      succeeded: () => h.note('succeeded')(),
      forgetRoute: () => 0,
    });
    await expect(call).rejects.toBe(down);
    expect(h.journal).toHaveLength(3);
    expect(h.journal[2]).toMatch(/^failed 503 /);
    expect(h.journal[2]).not.toContain(TOKEN);
  });
});

describe('forwardRecordedDelete', () => {
  const deleteOf = (h: ReturnType<typeof harness>) => ({
    ...h.common,
    accepted: () => h.journal.push('watching'),
    isGone: ({ status, body }: ForwardedResponse) =>
      status === 404 && typeof body === 'object' && body !== null && 'itemNotFound' in body,
    gone: () => h.note('gone')(),
  });

  it('watches a delete the pod accepted, and records nothing more yet', async () => {
    const h = harness(() => Promise.resolve(answer(202)));
    await forwardRecordedDelete(h.proxy, h.logger, deleteOf(h));
    expect(h.journal).toEqual(['requested', 'forwarded', 'watching']);
  });

  it('records the resource gone on the service’s own 404, and a proxy’s 404 as a failed delete', async () => {
    const own = harness(() => Promise.resolve(answer(404, itemNotFound)));
    await forwardRecordedDelete(own.proxy, own.logger, deleteOf(own));
    expect(own.journal).toEqual(['requested', 'forwarded', 'gone']);

    const proxied = harness(() => Promise.resolve(answer(404, '<html>Not Found</html>')));
    await forwardRecordedDelete(proxied.proxy, proxied.logger, deleteOf(proxied));
    expect(proxied.journal).toEqual(['requested', 'forwarded', 'failed 404 HTTP 404']);
  });

  it('records a refusal (in use) as failed with the pod’s words, and the route stays', async () => {
    const h = harness(() =>
      Promise.resolve(answer(400, { badRequest: { code: 400, message: 'Volume status must be available.' } })),
    );
    const response = await forwardRecordedDelete(h.proxy, h.logger, deleteOf(h));
    expect(response.status).toBe(400);
    expect(h.journal).toEqual(['requested', 'forwarded', 'failed 400 Volume status must be available.']);
  });
});
