import { flavorIdFromRef } from './flavor-ref';

// Expectations are nova.api.openstack.common.get_id_from_href's answers (Python 3.11 urlsplit).
describe('flavorIdFromRef', () => {
  it.each([
    ['42', '42'],
    [1, '1'],
    ['http://cloud/flavors/42?x=1#f', '42'],
    ['/v2.1/flavors/42', '42'],
    ['m1:small', 'small'],
    ['flavors/', ''],
    ['//host', ''],
    ['//host/7', '7'],
    [' \t42', '42'],
    ['a?b/c', 'a'],
    ['a#b/c', 'a'],
    ['HTTP://x/y/Z', 'Z'],
    ['1a:b', '1a:b'],
    ['x+y.z-w:3', '3'],
  ])('%j -> %j', (ref, expected) => expect(flavorIdFromRef(ref)).toBe(expected));
});
