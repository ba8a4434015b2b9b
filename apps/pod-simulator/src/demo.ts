#!/usr/bin/env node
// `npm run demo`: the pod simulator (a TEST DOUBLE of two OpenStack clouds and their Keystone) and
// the real podgate gateway on its default address and embedded store, validating tokens with the
// simulated Keystone. The demo registers both pods through the gateway's admin API and prints
// how to look at them with the `podgate` CLI. The compute API arrives with issue 5; until then the
// openrc for the `openstack` CLI points at Pod1 directly.
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { describeSimulator } from './console-summary';
import { startDemoGateway } from './demo-gateway';
import { registerDemoPods } from './demo-pods';
import { stopOnSignals } from './run-until-signal';
import { SimulatorHandle, startSimulator } from './simulator';

/** The admin's environment for the `podgate` CLI: the same OS_* variables as the openstack CLI. */
export function adminrc(sim: SimulatorHandle, gatewayUrl: string): string {
  return [
    '# podgate CLI as the cloud admin (the gateway is in the catalog as service type podgate; PODGATE_URL skips the lookup)',
    `export OS_AUTH_URL=${sim.authUrl}`,
    'export OS_USERNAME=admin OS_PASSWORD=admin-secret OS_PROJECT_NAME=admin',
    'export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default',
    `export PODGATE_URL=${gatewayUrl}`,
  ].join('\n');
}

export function openrc(sim: SimulatorHandle, region = 'Pod1'): string {
  return [
    '# openrc for the pod simulator (a test double), straight to one pod, not through podgate',
    `export OS_AUTH_URL=${sim.authUrl}`,
    'export OS_IDENTITY_API_VERSION=3',
    'export OS_USERNAME=alice',
    'export OS_PASSWORD=alice-secret',
    'export OS_PROJECT_NAME=tenant-a',
    'export OS_USER_DOMAIN_NAME=Default',
    'export OS_PROJECT_DOMAIN_NAME=Default',
    `export OS_REGION_NAME=${region}`,
    'export OS_INTERFACE=public',
    '# --nic none needs compute microversion 2.37 or later',
    'export OS_COMPUTE_API_VERSION=2.37',
  ].join('\n');
}

async function demo(): Promise<void> {
  const flags = new Command('podgate-demo')
    .description(
      'Starts the pod simulator (Keystone + 2 pods in az1/az2) and the gateway, registers the pods, and prints how to use them.',
    )
    .option('--base-port <port>', 'Keystone port; pods on base-port + 1 and + 2 (default 20000)', (v) => {
      const port = Number(v);
      if (!Number.isInteger(port) || port < 0) throw new InvalidArgumentError('expected a port number');
      return port;
    })
    .option('--openrc <file>', 'also write the openrc to this file')
    .parse()
    .opts<{ basePort?: number; openrc?: string }>();
  const sim = await startSimulator({ pods: [{ az: 'az1' }, { az: 'az2' }], basePort: flags.basePort ?? 20000 });
  const gateway = await startDemoGateway({
    ...process.env,
    KEYSTONE_URL: sim.authUrl,
    PODGATE_SERVICE_PASSWORD: 'podgate-secret',
    PODGATE_USAGE_POLL_SECONDS: process.env.PODGATE_USAGE_POLL_SECONDS ?? '10',
  }).catch(async (error: Error) => {
    await sim.stop();
    throw error;
  });
  const pods = await registerDemoPods(gateway.url, sim.issueToken('admin', 'admin'), sim.pods).catch(async (error: Error) => {
    await gateway.stop();
    await sim.stop();
    throw error;
  });
  const rc = openrc(sim);
  if (flags.openrc) writeFileSync(flags.openrc, `${rc}\n`);
  process.stdout.write(
    [
      describeSimulator(sim),
      '',
      `podgate gateway: ${gateway.url} (embedded store in ${process.env.PODGATE_DATA_DIR ?? './data'}; tokens checked by the simulated Keystone)`,
      ...pods.map((pod) => `  ${pod.name} (${pod.az}): ${pod.outcome} through POST /v1.0/pods`),
      '',
      adminrc(sim, gateway.url),
      '',
      '# then, for example (after npm run build):',
      'node dist/apps/cli/src/main.js pods list',
      `node dist/apps/cli/src/main.js bindings create --project ${sim.keystone.directory.findProject({ name: 'tenant-a' })?.id} --az az1 --pod Pod1   # tenant-a`,
      'node dist/apps/cli/src/main.js bindings list          # --as-of <instant>: the bindings in force then',
      'node dist/apps/cli/src/main.js audit list',
      '',
      'The compute API comes with the next issue; until then talk to Pod1 directly with the openstack CLI:',
      '',
      rc,
      '',
      '# then, for example:',
      'openstack server create --wait --flavor m1.tiny --image cirros --nic none demo-vm',
      'openstack server list',
      'openstack volume create --size 1 demo-vol',
      '',
      'Running until Ctrl-C (SIGINT) or SIGTERM.',
      '',
    ].join('\n'),
  );
  stopOnSignals(sim, 'pod simulator demo', () => gateway.stop());
}

if (require.main === module) {
  demo().catch((error: unknown) => {
    process.stderr.write(`demo failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
