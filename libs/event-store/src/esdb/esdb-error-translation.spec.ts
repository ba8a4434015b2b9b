import { Metadata, status } from '@grpc/grpc-js';
import { EventStoreUnavailableError, StreamNotFoundError, StreamVersionConflictError } from '../event-store.errors';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  DriverStreamNotFoundError,
  InvalidArgumentError,
  NotLeaderError,
  StreamDeletedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from './esdb-client';
import { translateEsdbError } from './esdb-error-translation';

const grpcStatus = (code: status, details: string, trailers: Record<string, string> = {}) => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata });
};

describe('translateEsdbError', () => {
  describe('a version conflict', () => {
    it('names our stream and expectation and the revision the server reported', () => {
      const driver = new WrongExpectedVersionError(undefined, { streamName: 'pod-1', current: 4n, expected: 2n });
      const translated = translateEsdbError(driver, { stream: 'pod-1', expected: 2n });
      expect(translated).toBeInstanceOf(StreamVersionConflictError);
      expect(translated).toMatchObject({ stream: 'pod-1', expected: 2n, actual: 4n, cause: driver });
    });

    it("keeps 'no_stream' as the actual revision of a stream that does not exist", () => {
      const driver = new WrongExpectedVersionError(undefined, { streamName: 'pod-2', current: 'no_stream', expected: 0n });
      expect(translateEsdbError(driver, { stream: 'pod-2', expected: 0n })).toMatchObject({ actual: 'no_stream' });
    });

    it("falls back to the driver's stream and expectation without context", () => {
      const driver = new WrongExpectedVersionError(undefined, { streamName: 'pod-3', current: 1n, expected: 'no_stream' });
      expect(translateEsdbError(driver)).toMatchObject({ stream: 'pod-3', expected: 'no_stream', actual: 1n });
    });
  });

  it.each([
    ['a missing stream', new DriverStreamNotFoundError(undefined, 'server-9')],
    ['a deleted stream', StreamDeletedError.fromStreamName('server-9')],
  ])('maps %s to StreamNotFoundError', (_label, driver) => {
    const translated = translateEsdbError(driver, { stream: 'server-9' });
    expect(translated).toBeInstanceOf(StreamNotFoundError);
    expect(translated).toMatchObject({ stream: 'server-9' });
  });

  it.each([
    ['UnavailableError', new UnavailableError()],
    ['DeadlineExceededError', new DeadlineExceededError()],
    ['CancelledError (server-side)', new CancelledError()],
    ['UnknownError', new UnknownError()],
    ['AccessDeniedError', new AccessDeniedError()],
    [
      'NotLeaderError',
      new NotLeaderError(
        grpcStatus(status.NOT_FOUND, 'Leader info available', {
          'leader-endpoint-host': '10.0.0.2',
          'leader-endpoint-port': '2113',
        }),
      ),
    ],
    ['a raw gRPC UNAVAILABLE', grpcStatus(status.UNAVAILABLE, 'No connection established')],
    ['a raw gRPC DEADLINE_EXCEEDED', grpcStatus(status.DEADLINE_EXCEEDED, 'Deadline exceeded')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2113'), { code: 'ECONNREFUSED' })],
    ['a thrown string', 'Impossible situation where id is undefined in a recorded event'],
  ])('maps %s to EventStoreUnavailableError, keeping the driver error as cause', (_label, driver) => {
    const translated = translateEsdbError(driver);
    expect(translated).toBeInstanceOf(EventStoreUnavailableError);
    expect(translated.cause).toBe(driver);
  });

  it('maps arguments the client refused to a TypeError: a bug of ours, not an outage', () => {
    const translated = translateEsdbError(new InvalidArgumentError('fromRevision must be non-negative'));
    expect(translated).toBeInstanceOf(TypeError);
  });

  it('returns our own errors and non-driver errors unchanged', () => {
    const ours = new StreamNotFoundError('pod-1');
    const bug = new RangeError('our own bug');
    expect(translateEsdbError(ours)).toBe(ours);
    expect(translateEsdbError(bug)).toBe(bug);
  });
});
