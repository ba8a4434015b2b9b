import { ProvisioningTagReservedError } from './provisioning-tag.errors';
import { metadataTargetOf, refuseTagWrites, refuseWritesNamingTag, viewMetadataBody, withHiddenTag } from './tagged-metadata';

const TAG = 'podgate:provisioning_id';

describe('the provisioning tag in metadata', () => {
  it('is taken out of a resource’s metadata, the input untouched, a body without it the same object', () => {
    const volume = { id: 'v', metadata: { [TAG]: 'p', role: 'db' } };
    expect(withHiddenTag(volume)).toEqual({ id: 'v', metadata: { role: 'db' } });
    expect(volume.metadata[TAG]).toBe('p');
    const plain = { id: 'v', metadata: { role: 'db' } };
    expect(withHiddenTag(plain)).toBe(plain);
    expect(withHiddenTag({ id: 'v', metadata: null })).toEqual({ id: 'v', metadata: null });
  });

  it('is taken out of `metadata` and `meta` answers; anything else stays', () => {
    expect(viewMetadataBody({ metadata: { [TAG]: 'p', a: 'b' } })).toEqual({ metadata: { a: 'b' } });
    expect(viewMetadataBody({ meta: { [TAG]: 'p' } })).toEqual({ meta: {} });
    expect(viewMetadataBody({ metadata: { availability_zone: 'nova' } })).toEqual({ metadata: { availability_zone: 'nova' } });
    expect(viewMetadataBody('text')).toBe('text');
  });

  it('knows the metadata collection and the tag’s own item, encoded or not', () => {
    expect(metadataTargetOf('metadata')).toBe('collection');
    expect(metadataTargetOf(`metadata/${TAG}`)).toBe('tag');
    expect(metadataTargetOf('metadata/podgate%3Aprovisioning_id')).toBe('tag');
    expect(metadataTargetOf('metadata/role')).toBeNull();
    expect(metadataTargetOf('metadata/%E0%A4%A')).toBeNull();
    expect(metadataTargetOf('encryption')).toBeNull();
  });

  it('reads a path as the pod’s router does: decoded (%2F included) and without its .json or .xml format suffix', () => {
    expect(metadataTargetOf('metadata.json')).toBe('collection');
    expect(metadataTargetOf('%6Detadata')).toBe('collection');
    expect(metadataTargetOf(`metadata/${TAG}.json`)).toBe('tag');
    expect(metadataTargetOf(`metadata/${TAG}.xml`)).toBe('tag');
    expect(metadataTargetOf('metadata%2Fpodgate%3Aprovisioning_id')).toBe('tag');
    expect(() => refuseWritesNamingTag('metadata.json', { metadata: { [TAG]: 'x' } })).toThrow(ProvisioningTagReservedError);
    expect(() => refuseWritesNamingTag('%6Detadata', { metadata: { [TAG]: 'x' } })).toThrow(ProvisioningTagReservedError);
    expect(() => refuseWritesNamingTag('encryption', { metadata: { [TAG]: 'x' } })).not.toThrow();
  });

  it('refuses a write naming the tag in Cinder’s and Nova’s 400, whatever its value', () => {
    expect(() => refuseTagWrites({ a: 'b', [TAG]: '' })).toThrow(ProvisioningTagReservedError);
    expect(new ProvisioningTagReservedError()).toMatchObject({
      kind: 'badRequest',
      message: `Metadata key ${TAG} is reserved by podgate.`,
    });
    for (const metadata of [{ a: 'b' }, undefined, null, [TAG], TAG]) expect(() => refuseTagWrites(metadata)).not.toThrow();
  });
});
