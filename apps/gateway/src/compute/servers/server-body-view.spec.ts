import { viewServer, viewServerBody } from './server-body-view';
import { metadataTargetOf, subresourceAction, subresourcePathOf, viewMetadataBody } from './server-subresource-path';
import { actionNameOf } from './server-action';

const pod = { azName: 'az2', podAzName: 'nova' };
const TAG = 'podgate:provisioning_id';

describe('viewServer', () => {
  it('shows the user-visible AZ and hides the provisioning tag, without touching the input', () => {
    const server = { id: 's', 'OS-EXT-AZ:availability_zone': 'nova', metadata: { [TAG]: 'p1', role: 'web' } };
    expect(viewServer(server, pod)).toEqual({ id: 's', 'OS-EXT-AZ:availability_zone': 'az2', metadata: { role: 'web' } });
    expect(server.metadata[TAG]).toBe('p1');
  });

  it('leaves other AZ values (a server not scheduled yet) and bodies without a server alone', () => {
    expect(viewServer({ 'OS-EXT-AZ:availability_zone': '' }, pod)).toEqual({ 'OS-EXT-AZ:availability_zone': '' });
    expect(viewServerBody({ image_id: 'i' }, pod)).toEqual({ image_id: 'i' });
    expect(viewServerBody({ servers: [{ metadata: { [TAG]: 'x' } }] }, pod)).toEqual({ servers: [{ metadata: {} }] });
  });
});

describe('sub-resource paths', () => {
  it('takes what follows /servers/{id}/, still encoded, without the query', () => {
    expect(subresourcePathOf('/compute/v2.1/servers/abc/metadata/a%20b?x=1')).toBe('metadata/a%20b');
    expect(subresourcePathOf('/compute/v2.1/servers/abc')).toBe('');
    expect(subresourceAction('put', 'metadata/role')).toBe('PUT metadata');
  });

  it('knows the metadata collection and the provisioning tag’s item, encoded or not', () => {
    expect(metadataTargetOf('metadata')).toBe('collection');
    expect(metadataTargetOf(`metadata/${TAG}`)).toBe('tag');
    expect(metadataTargetOf('metadata/podgate%3Aprovisioning_id')).toBe('tag');
    expect(metadataTargetOf('metadata/role')).toBeNull();
    expect(viewMetadataBody({ metadata: { [TAG]: 'p', a: 'b' } })).toEqual({ metadata: { a: 'b' } });
  });
});

describe('actionNameOf (Nova’s action_peek)', () => {
  it('names the single key, and refuses any other body as Nova does', () => {
    expect(actionNameOf({ 'os-stop': null })).toBe('os-stop');
    for (const body of [{}, { a: 1, b: 2 }, [1], 'x', null]) {
      expect(() => actionNameOf(body)).toThrow('Malformed message body: too many body keys');
    }
  });
});
