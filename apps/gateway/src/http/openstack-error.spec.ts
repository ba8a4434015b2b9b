import { openStackError } from './openstack-error';

describe('openStackError', () => {
  it.each([
    [400, 'badRequest'],
    [403, 'forbidden'],
    [404, 'itemNotFound'],
    [405, 'badMethod'],
    [406, 'computeFault'],
    [415, 'badMediaType'],
    [429, 'overLimit'],
    [409, 'conflictingRequest'],
    [503, 'serviceUnavailable'],
    [500, 'computeFault'],
    [502, 'computeFault'],
  ])('names a %i %s, as Nova does', (status, kind) => {
    expect(openStackError(status, 'why')).toEqual({ [kind]: { code: status, message: 'why' } });
  });
});
