import { asProjectTemplate, catalogRegions, findEndpoint, withProject } from './catalog';

const SERVICE_PROJECT = '6f1c2a';

describe('asProjectTemplate', () => {
  it.each([
    ['http://pod1:8776/v3/6f1c2a', 'http://pod1:8776/v3/%(project_id)s'],
    ['http://pod1:8774/v2/6f1c2a/', 'http://pod1:8774/v2/%(project_id)s/'],
    ['http://pod1/volume/v3/6f1c2a/extra', 'http://pod1/volume/v3/%(project_id)s/extra'],
    ['http://pod1:8774/v2.1', 'http://pod1:8774/v2.1'],
    ['http://6f1c2a:8776/v3', 'http://6f1c2a:8776/v3'], // a host that happens to equal the id
    ['http://pod1/v3/6f1c2a-other', 'http://pod1/v3/6f1c2a-other'], // not a whole segment
  ])('%s -> %s', (url, template) => {
    expect(asProjectTemplate(url, SERVICE_PROJECT)).toBe(template);
  });
});

describe('withProject', () => {
  it.each([
    ['http://pod1/v3/%(project_id)s', 'http://pod1/v3/abc'],
    ['http://pod1/v2/$(tenant_id)s', 'http://pod1/v2/abc'],
    ['http://pod1/v2/%(tenant_id)s/x', 'http://pod1/v2/abc/x'],
    ['http://pod1/v2.1', 'http://pod1/v2.1'],
  ])('%s -> %s', (template, url) => {
    expect(withProject(template, 'abc')).toBe(url);
  });
});

describe('catalog look-ups', () => {
  const catalog = [
    {
      type: 'compute',
      endpoints: [
        { interface: 'public', region: 'Pod1', url: 'http://pub/compute/v2.1/' },
        { interface: 'internal', region: 'Pod1', url: 'http://int/compute/v2.1' },
        { interface: 'internal', region: 'Pod3', url: 'http://int3/compute/v2.1' },
      ],
    },
    { type: 'volumev3', endpoints: [{ interface: 'public', region: 'Pod2', url: 'http://pub2/v3/x' }] },
    { type: 'image', endpoints: [{ interface: 'public', region: 'Pod4', url: 'http://pub4/image' }] },
  ];

  it('finds by region, type and interface, without a trailing slash', () => {
    expect(findEndpoint(catalog, 'Pod1', 'compute', 'public')).toBe('http://pub/compute/v2.1');
    expect(findEndpoint(catalog, 'Pod1', 'compute', 'internal')).toBe('http://int/compute/v2.1');
    expect(findEndpoint(catalog, 'Pod1', 'compute', 'admin')).toBeUndefined();
    expect(findEndpoint(catalog, 'Pod2', 'compute', 'public')).toBeUndefined();
  });

  it('lists regions with one of the types on the interface, once each', () => {
    expect(catalogRegions(catalog, 'public', ['compute', 'volumev3'])).toEqual(['Pod1', 'Pod2']);
    expect(catalogRegions(catalog, 'internal', ['compute', 'volumev3'])).toEqual(['Pod1', 'Pod3']);
  });
});
