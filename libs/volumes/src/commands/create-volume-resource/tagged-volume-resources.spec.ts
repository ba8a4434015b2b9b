import type { ForwardedResponse } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { PROVISIONING_METADATA_KEY, TaggedResourcesNotListedError } from '@podgate/routed-resources';
import { carriesProvisioningTag, findTaggedVolumeResources, withProvisioningTag } from './tagged-volume-resources';

const post = <B>(path: string, body: B) => ({ method: 'POST', path, token: 't', body });
const TAG = PROVISIONING_METADATA_KEY;

describe('the provisioning tag on volume creates', () => {
  it('goes into a volume’s and a snapshot’s metadata, next to the user’s, leaving the asked call untouched', () => {
    const asked = post('/volumes', { volume: { size: 1, metadata: { role: 'db' } } });
    expect(withProvisioningTag('volume', asked, 'p-1').body).toEqual({
      volume: { size: 1, metadata: { role: 'db', [TAG]: 'p-1' } },
    });
    expect(asked.body.volume.metadata).toEqual({ role: 'db' });
    expect(withProvisioningTag('snapshot', post('/snapshots', { snapshot: { volume_id: 'v' } }), 'p-2').body).toEqual({
      snapshot: { volume_id: 'v', metadata: { [TAG]: 'p-2' } },
    });
  });

  it('is left off backups (Cinder cannot filter them by metadata), restores and volumes from a backup (they get their source’s)', () => {
    const backup = post('/backups', { backup: { volume_id: 'v' } });
    const restore = post('/backups/b/restore', { restore: { name: 'r' } });
    const fromBackup = post('/volumes', { volume: { backup_id: 'b' } });
    expect([backup, fromBackup].map((call, i) => carriesProvisioningTag(i === 0 ? 'backup' : 'volume', call))).toEqual([
      false,
      false,
    ]);
    expect(carriesProvisioningTag('volume', restore)).toBe(false);
    expect(withProvisioningTag('backup', backup, 'p')).toBe(backup);
    expect(withProvisioningTag('volume', restore, 'p')).toBe(restore);
  });

  it('is left off a create whose metadata is not a map: the pod refuses it as the user sent it', () => {
    for (const metadata of ['a=b', ['a'], 7]) {
      const asked = post('/snapshots', { snapshot: { volume_id: 'v', metadata } });
      expect(withProvisioningTag('snapshot', asked, 'p')).toBe(asked);
    }
    expect(carriesProvisioningTag('volume', post('/volumes', { volume: { size: 1, metadata: null, backup_id: null } }))).toBe(
      true,
    );
  });
});

describe('findTaggedVolumeResources', () => {
  const pod = { podId: 'pod-1', name: 'Pod1' } as PodView;
  const answering = (status: number, body: unknown) => ({
    forward: jest.fn(async (): Promise<ForwardedResponse> => ({ status, headers: {}, body, podBaseUrl: 'http://pod/v3/alice' })),
  });

  it('asks by the tag and takes only what carries it in the caller’s project, whatever the pod answered', async () => {
    const pod1 = answering(200, {
      volumes: [
        { id: 'mine', metadata: { [TAG]: 'p-1' }, 'os-vol-tenant-attr:tenant_id': 'alice' },
        { id: 'copied-tag', metadata: { [TAG]: 'p-1' }, 'os-vol-tenant-attr:tenant_id': 'mallory' },
        { id: 'filter-ignored', metadata: {} },
        { id: 'no-attribute', metadata: { [TAG]: 'p-1' } },
      ],
    });
    const found = await findTaggedVolumeResources(pod1, { pod, projectId: 'alice', token: 't' }, 'volume', 'p-1', {
      allTenants: true,
    });
    expect(found.items.map((item) => item.id)).toEqual(['mine']); // an admin's view names every project: unnamed is not taken
    const [request] = pod1.forward.mock.calls[0] as unknown as [{ path: string; query: string }];
    const query = new URLSearchParams(request.query);
    expect([request.path, JSON.parse(query.get('metadata')!), query.get('all_tenants'), query.get('project_id')]).toEqual([
      '/volumes/detail',
      { [TAG]: 'p-1' },
      '1',
      'alice',
    ]);
    const asCaller = await findTaggedVolumeResources(pod1, { pod, projectId: 'alice', token: 't' }, 'volume', 'p-1');
    expect(asCaller.items.map((item) => item.id)).toEqual(['mine', 'no-attribute']); // a user's view names no project
  });

  it('asks for snapshots at 3.22, below which Cinder drops the metadata filter', async () => {
    const pod1 = answering(200, { snapshots: [] });
    await findTaggedVolumeResources(pod1, { pod, projectId: 'alice', token: 't' }, 'snapshot', 'p');
    expect(pod1.forward.mock.calls[0]).toEqual([
      expect.objectContaining({ path: '/snapshots/detail', headers: { 'OpenStack-API-Version': 'volume 3.22' } }),
    ]);
  });

  it('fails on a refused list (none found must mean the pod said so), and never asks for backups', async () => {
    const refusing = answering(403, { forbidden: { code: 403, message: 'Policy does not allow' } });
    await expect(findTaggedVolumeResources(refusing, { pod, projectId: 'alice', token: 't' }, 'snapshot', 'p')).rejects.toEqual(
      new TaggedResourcesNotListedError(403),
    );
    const silent = answering(200, { backups: [] });
    expect((await findTaggedVolumeResources(silent, { pod, projectId: 'alice', token: 't' }, 'backup', 'p')).items).toEqual([]);
    expect(silent.forward).not.toHaveBeenCalled();
  });
});
