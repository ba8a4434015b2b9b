// What a failure event records when a forward throws: the status and words the caller got.
import { DomainError } from '@podgate/kernel';
import { ForwardPathInvalidError, PodUnreachableError, UpstreamError } from '@podgate/openstack';
import { failureOfThrown, forwardRecorded, type PodFailure } from './index';

class SecretConflictError extends DomainError {
  readonly code = 'TEST.CONFLICT';
  readonly kind = 'conflict';
}

describe('failureOfThrown', () => {
  it('records a refused forward as the client’s error, with its status and message (not 503 “unreachable”)', () => {
    const refused = new ForwardPathInvalidError('it names a parent segment');
    expect(failureOfThrown(refused, [])).toEqual({ status: 400, message: refused.message });
  });

  it('maps every kind to the status the client gets, and scrubs the message', () => {
    expect(failureOfThrown(new SecretConflictError('in use by s3cret-token'), ['s3cret-token'])).toEqual({
      status: 409,
      message: 'in use by ***',
    });
    expect(failureOfThrown(new UpstreamError('Pod1 volume', 502, 'serviceUnavailable'), []).status).toBe(503);
  });

  it('records 503 for a pod that cannot be reached, 504 for one that did not answer in time, 503 for anything else', () => {
    const refused = new PodUnreachableError('Pod1 volume', 'connection refused', 'ECONNREFUSED');
    expect(failureOfThrown(refused, [])).toEqual({ status: 503, message: refused.message });
    expect(failureOfThrown(new PodUnreachableError('Pod1 volume', 'timed out', 'ETIMEDOUT'), []).status).toBe(504);
    expect(failureOfThrown(new Error('socket hang up'), [])).toEqual({ status: 503, message: 'socket hang up' });
  });
});

describe('forwardRecorded', () => {
  it('records a forward refused before it left with the client’s status, and throws the error on', async () => {
    const refused = new ForwardPathInvalidError('it names a parent segment');
    const recorded: PodFailure[] = [];
    const call = forwardRecorded(
      { forward: () => Promise.reject(refused) },
      { pod: {} as never, projectId: 'p', service: 'volume', method: 'DELETE', path: '/volumes/v/metadata/..', token: 't' },
      [],
      (failure) => Promise.resolve(recorded.push(failure)),
      { error: jest.fn() },
      'delete',
    );
    await expect(call).rejects.toBe(refused);
    expect(recorded).toEqual([{ status: 400, message: 'The request path is not valid: it names a parent segment.' }]);
  });
});
