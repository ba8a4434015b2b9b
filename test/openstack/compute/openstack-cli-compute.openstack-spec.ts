// The real Debian `openstack` CLI against podgate in front of the lab's two REAL pods (Nova from
// Debian's Zed packages, fake virt driver; Cinder with its fake volume driver): the same scenario as
// test/system/compute against the simulator. Per pod the lab has its own image ids and flavors, so
// images resolve in the chosen pod's region and the gateway defines flavors of its own with names
// unique to this run.
import { randomBytes } from 'node:crypto';
import { type CliTarget, computeCliScenario } from '../../system/compute/compute-cli.scenario';
import { useLabCli } from '../testing/lab-cli';
import { LAB_PODS } from '../testing/lab-gateway';

describe('openstack CLI against podgate in front of the two real lab pods', () => {
  const prefix = `pgcli-${randomBytes(3).toString('hex')}-`;
  const lab = useLabCli(prefix);

  computeCliScenario((): CliTarget => ({
    cli: (who, args, pod) => lab().cli(who, args, pod),
    azs: [LAB_PODS[0].az, LAB_PODS[1].az],
    imageName: 'tiny',
    prefix,
    podHasFlavor: (pod, flavorId) => lab().podHasFlavor(pod, flavorId),
    podServerIds: async (pod) => {
      const { body } = await lab().podGet('member', pod, 'compute', '/servers');
      return (body.servers as { id: string }[]).map((server) => server.id);
    },
  }));
});
