import { parseRequestedZone } from './requested-zone';

// nova/compute/api.py parse_availability_zone: the zone, then what is forced (host, node).
describe('parseRequestedZone', () => {
  it.each([
    [undefined, { zone: null, hostSuffix: '' }],
    ['', { zone: null, hostSuffix: '' }],
    ['az1', { zone: 'az1', hostSuffix: '' }],
    ['az1:host', { zone: 'az1', hostSuffix: ':host' }],
    ['az1::node', { zone: 'az1', hostSuffix: '::node' }],
    ['az1:host:node', { zone: 'az1', hostSuffix: ':host:node' }],
    [':host', { zone: null, hostSuffix: ':host' }],
    ['az1:host:node:x', null],
  ])('%j -> %j', (text, expected) => expect(parseRequestedZone(text)).toEqual(expected));
});
