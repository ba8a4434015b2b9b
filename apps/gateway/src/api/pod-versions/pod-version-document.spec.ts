import { COMPUTE_API, VOLUME_API } from '../service-api';
import { maxVersionFromDocument, versionDocumentUrl, versionRootUrl } from './pod-version-document';

describe('versionDocumentUrl', () => {
  it.each([
    ['http://pod/compute/v2.1', 'http://pod/compute/v2.1'],
    ['http://pod/compute/v2.1/', 'http://pod/compute/v2.1'],
    ['http://nova:8774/v2.1/%(tenant_id)s', 'http://nova:8774/v2.1'],
    ['http://nova:8774/v2.1/%(project_id)s/', 'http://nova:8774/v2.1'],
    ['http://pod/volume/v3/%(project_id)s', 'http://pod/volume/v3'],
    ['http://cinder:8776/v3/$(project_id)s', 'http://cinder:8776/v3'],
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
    expect(maxVersionFromDocument(COMPUTE_API, { version: { id: 'v2.1', version: '2.93', min_version: '2.1' } })).toEqual({
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
    expect(maxVersionFromDocument(COMPUTE_API, root)).toEqual({ major: 2, minor: 79 });
  });

  it.each([
    ['a v2.0-only document', { version: { id: 'v2.0', version: '' } }],
    ['a malformed version', { version: { id: 'v2.1', version: '2.x' } }],
    ['a root without v2.1', { versions: [{ id: 'v2.0', version: '' }] }],
    ['an error body', { itemNotFound: { code: 404 } }],
    ['text', 'Not Found'],
    ['nothing', undefined],
  ])('says nothing for %s', (_name, body) => {
    expect(maxVersionFromDocument(COMPUTE_API, body)).toBeUndefined();
  });
});

describe('maxVersionFromDocument for the volume API', () => {
  const entry = (id: string, version: string) => ({ id, status: 'CURRENT', version, min_version: '3.0' });

  it('reads the v3.0 entry of Cinder’s list (its root, answered 300, and its /v3/)', () => {
    expect(maxVersionFromDocument(VOLUME_API, { versions: [entry('v3.0', '3.70')] })).toEqual({ major: 3, minor: 70 });
  });

  it('reads a single v3.0 document', () => {
    expect(maxVersionFromDocument(VOLUME_API, { version: entry('v3.0', '3.64') })).toEqual({ major: 3, minor: 64 });
  });

  it('never takes another API’s entry', () => {
    expect(maxVersionFromDocument(VOLUME_API, { version: entry('v2.1', '2.93') })).toBeUndefined();
    expect(maxVersionFromDocument(VOLUME_API, { versions: [entry('v2.0', '2.0')] })).toBeUndefined();
    expect(maxVersionFromDocument(COMPUTE_API, { versions: [entry('v3.0', '3.70')] })).toBeUndefined();
  });
});
