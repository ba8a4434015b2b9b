import { parseApiVersion } from '../../api/microversion';
import { requestedUnshelveZone, unshelveBodyForPod, UnshelveZoneNotAvailableError } from './unshelve-zone';

const pod = { azName: 'az2', podAzName: 'nova' };
const v = parseApiVersion;

describe('unshelve into an AZ (2.77+)', () => {
  it('names the user’s AZ from 2.77 only; none, null (the 2.91 unpin) and older versions go to the pod as they are', () => {
    expect(requestedUnshelveZone({ unshelve: { availability_zone: 'az2' } }, v('2.77'))).toBe('az2');
    expect(requestedUnshelveZone({ unshelve: { availability_zone: 'az2', host: 'h1' } }, v('2.91'))).toBe('az2');
    expect(requestedUnshelveZone({ unshelve: { availability_zone: 'az2' } }, v('2.76'))).toBeUndefined();
    expect(requestedUnshelveZone({ unshelve: null }, v('2.77'))).toBeUndefined();
    expect(requestedUnshelveZone({ unshelve: { availability_zone: null } }, v('2.91'))).toBeUndefined();
    expect(requestedUnshelveZone({ unshelve: { host: 'h1' } }, v('2.91'))).toBeUndefined();
  });

  // Messages as /usr/bin/python3 with python3-nova's validators._SchemaValidator prints them.
  it('checks Nova’s schema for the version first, in Nova’s words', () => {
    expect(() => requestedUnshelveZone({ unshelve: { availability_zone: 'az2', host: 'h1' } }, v('2.77'))).toThrow(
      "Invalid input for field/attribute unshelve. Value: {'availability_zone': 'az2', 'host': 'h1'}. Additional properties are not allowed ('host' was unexpected)",
    );
    expect(() => requestedUnshelveZone({ unshelve: { availability_zone: ' az2' } }, v('2.77'))).toThrow(
      "An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
    );
    expect(() => requestedUnshelveZone({ unshelve: { availability_zone: 'az2', foo: 1 } }, v('2.91'))).toThrow(
      "Invalid input for field/attribute unshelve. Value: {'availability_zone': 'az2', 'foo': 1}. {'availability_zone': 'az2', 'foo': 1} is not valid under any of the given schemas",
    );
  });

  it('gives the pod its own AZ for the user’s AZ of the server’s pod, and refuses any other as Nova', () => {
    const body = { unshelve: { availability_zone: 'az2', host: 'h1' } };
    expect(unshelveBodyForPod(body, 'az2', pod)).toEqual({ unshelve: { availability_zone: 'nova', host: 'h1' } });
    expect(body.unshelve.availability_zone).toBe('az2');
    expect(() => unshelveBodyForPod(body, 'az1', pod)).toThrow(new UnshelveZoneNotAvailableError());
    expect(() => unshelveBodyForPod(body, 'nova', pod)).toThrow('The requested availability zone is not available');
  });
});
