// The real Debian `openstack` CLI against podgate's volume API (in-process, Keystone mode, real
// sockets) in front of two simulated pods: volume types, volumes, snapshots, backups, attachments
// through the compute API, each step asserting the CLI's JSON. The simulator's RegionOne catalog
// holds podgate's volumev3/block-storage and compute endpoints (see test/system/testing/openstack-cli.ts).
import { SIMULATED_AZS, useSimulatedCli } from '../testing/simulated-cli';
import { type VolumeCliTarget, volumeCliScenario } from './volume-cli.scenario';

describe('openstack CLI against podgate volume in front of two simulated pods', () => {
  const env = useSimulatedCli();

  const idsOn = async (pod: number, path: string, key: string) => {
    const { body } = await env().podGet(pod, 'volume', path, 'alice');
    return (body[key] as { id: string }[]).map((resource) => resource.id);
  };

  volumeCliScenario((): VolumeCliTarget => ({
    cli: (who, args, pod) => env().cli(who, args, pod),
    describeFailure: () => env().describeFailure?.() ?? '',
    azs: SIMULATED_AZS,
    imageName: 'cirros',
    prefix: 'cli-',
    backups: true,
    podHasFlavor: (pod, flavorId) => env().podHasFlavor(pod, flavorId),
    podHasVolumeType: async (pod, name) => {
      const { body } = await env().podGet(pod, 'volume', '/types?is_public=None', 'admin');
      return (body.volume_types as { name: string }[]).some((type) => type.name === name);
    },
    podVolumeIds: (pod) => idsOn(pod, '/volumes', 'volumes'),
    podSnapshotIds: (pod) => idsOn(pod, '/snapshots', 'snapshots'),
  }));
});
