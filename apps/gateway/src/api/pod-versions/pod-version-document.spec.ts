import { maxVersionFromDocument, versionDocumentUrl, versionRootUrl } from './pod-version-document';

describe('versionDocumentUrl', () => {
  it.each([
    ['http://pod/compute/v2.1', 'http://pod/compute/v2.1'],
    ['http://pod/compute/v2.1/', 'http://pod/compute/v2.1'],
    ['http://nova:8774/v2.1/%(tenant_id)s', 'http://nova:8774/v2.1'],
    ['http://nova:8774/v2.1/%(project_id)s/', 'http://nova:8774/v2.1'],
  ])('%s -> %s', (endpoint, url) => {
    expect(versionDocumentUrl(endpoint)).toBe(url);
  });

  it('finds the root one level up', () => {
    expect(versionRootUrl('http://nova:8774/v2.1')).toBe('http://nova:8774/');
    expect(versionRootUrl('http://pod/compute/v2.1')).toBe('http://pod/compute/');
  });
});

describe('maxVersionFromDocument', () => {
  it('reads the v2.1 document', () => {
    expect(maxVersionFromDocument({ version: { id: 'v2.1', version: '2.93', min_version: '2.1' } })).toEqual({
      major: 2,
      minor: 93,
    });
  });

  it('reads the v2.1 entry of the root list, skipping v2.0', () => {
    const root = {
      versions: [
        { id: 'v2.0', version: '' },
        { id: 'v2.1', version: '2.79' },
      ],
    };
    expect(maxVersionFromDocument(root)).toEqual({ major: 2, minor: 79 });
  });

  it.each([
    ['a v2.0-only document', { version: { id: 'v2.0', version: '' } }],
    ['a malformed version', { version: { id: 'v2.1', version: '2.x' } }],
    ['a root without v2.1', { versions: [{ id: 'v2.0', version: '' }] }],
    ['an error body', { itemNotFound: { code: 404 } }],
    ['text', 'Not Found'],
    ['nothing', undefined],
  ])('says nothing for %s', (_name, body) => {
    expect(maxVersionFromDocument(body)).toBeUndefined();
  });
});
