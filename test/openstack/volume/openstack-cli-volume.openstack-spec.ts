// The real Debian `openstack` CLI against podgate's volume API in front of the lab's two REAL pods
// (Cinder 21 from Debian's Zed packages with its fake volume driver, Nova with the fake virt driver):
// the same scenario as test/system/volume against the simulator. The lab runs no cinder-backup
// service: the backup step asserts what the real pod does then (the backup ends in error and cannot
// be deleted; such rows stay in the lab's Cinder database), passed on by podgate.
import { randomBytes } from 'node:crypto';
import { type VolumeCliTarget, volumeCliScenario } from '../../system/volume/volume-cli.scenario';
import { useLabCli } from '../testing/lab-cli';
import { LAB_PODS } from '../testing/lab-gateway';

describe('openstack CLI against podgate volume in front of the two real lab pods', () => {
  const prefix = `pgvol-${randomBytes(3).toString('hex')}-`;
  const lab = useLabCli(prefix);

  const idsOn = async (pod: number, path: string, key: string) => {
    const { body } = await lab().podGet('member', pod, 'volumev3', path);
    return (body[key] as { id: string }[]).map((resource) => resource.id);
  };

  volumeCliScenario((): VolumeCliTarget => ({
    cli: (who, args, pod) => lab().cli(who, args, pod),
    azs: [LAB_PODS[0].az, LAB_PODS[1].az],
    imageName: 'tiny',
    prefix,
    backups: false,
    podHasFlavor: (pod, flavorId) => lab().podHasFlavor(pod, flavorId),
    podHasVolumeType: async (pod, name) => {
      const { body } = await lab().podGet('admin', pod, 'volumev3', '/types?is_public=None');
      return (body.volume_types as { name: string }[]).some((type) => type.name === name);
    },
    podVolumeIds: (pod) => idsOn(pod, '/volumes', 'volumes'),
    podSnapshotIds: (pod) => idsOn(pod, '/snapshots', 'snapshots'),
  }));
});
