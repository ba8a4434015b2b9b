// The real Debian `openstack` CLI against podgate (in-process, Keystone mode, real sockets) in front of
// two simulated pods: flavors, availability zones, the server lifecycle, volumes attached across the
// compute API, each step asserting the CLI's JSON. The simulator's RegionOne catalog holds podgate's
// compute and volume endpoints (see test/system/testing/openstack-cli.ts).
import { SIMULATED_AZS, useSimulatedCli } from '../testing/simulated-cli';
import { type CliTarget, computeCliScenario } from './compute-cli.scenario';

describe('openstack CLI against podgate in front of two simulated pods', () => {
  const env = useSimulatedCli();

  computeCliScenario((): CliTarget => ({
    cli: (who, args, pod) => env().cli(who, args, pod),
    describeFailure: () => env().describeFailure?.() ?? '',
    azs: SIMULATED_AZS,
    imageName: 'cirros',
    prefix: 'cli-',
    podHasFlavor: (pod, flavorId) => env().podHasFlavor(pod, flavorId),
    podServerIds: async (pod) => {
      const { body } = await env().podGet(pod, 'compute', '/servers', 'alice');
      return (body.servers as { id: string }[]).map((server) => server.id);
    },
  }));
});
