import { UnknownVolumeActionError, volumeActionNameOf } from './volume-action';
import { volumeSubresourceOf } from './volume-subresources.controller';

describe('volumeActionNameOf', () => {
  it('is the body’s single key, any Cinder action name', () => {
    expect(volumeActionNameOf({ 'os-extend': { new_size: 2 } })).toBe('os-extend');
    expect(volumeActionNameOf({ revert: { snapshot_id: 's' } })).toBe('revert');
    expect(volumeActionNameOf({ 'os-show_image_metadata': null })).toBe('os-show_image_metadata');
  });

  it('refuses a body naming no action or several as Cinder does', () => {
    for (const body of [{}, { 'os-extend': {}, 'os-attach': {} }, [], null, undefined, 'x'])
      expect(() => volumeActionNameOf(body)).toThrow('Malformed request body');
  });

  it('refuses a name no action could have, in Cinder’s words, before it is recorded', () => {
    expect(() => volumeActionNameOf({ 'os extend!': {} })).toThrow(new UnknownVolumeActionError('os extend!'));
    expect(() => volumeActionNameOf({ 'os extend!': {} })).toThrow(
      'There is no such action: os extend!. Verify the request body and Content-Type header and try again.',
    );
  });
});

describe('volumeSubresourceOf', () => {
  it('is what follows /volumes/{id}/, still encoded, without the query', () => {
    expect(volumeSubresourceOf('/volume/v3/volumes/v1/metadata/a%2Fb?x=1')).toBe('metadata/a%2Fb');
    expect(volumeSubresourceOf('/volume/v3/volumes/v1/encryption')).toBe('encryption');
    expect(volumeSubresourceOf('/volume/v3/volumes/v1')).toBe('');
  });
});
