#!/usr/bin/env node
// `npm run demo`: the pod simulator (a TEST DOUBLE of two OpenStack clouds and their Keystone) and
// the real podgate gateway on its default address and embedded store, validating tokens with the
// simulated Keystone. The demo registers both pods through the gateway's admin API, defines a
// flavor at the gateway, and prints how to use them: the `openstack` CLI through podgate's compute
// and volume APIs (a server and a volume in az2, attached), and the `podgate` CLI for the admin side.
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { describeSimulator } from './console-summary';
import { startDemoGateway } from './demo-gateway';
import { DEMO_FLAVOR, defineDemoFlavor, registerDemoPods } from './demo-pods';
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

/**
 * The tenant's environment for the `openstack` CLI, through podgate: compute and volume (volumev3,
 * block-storage) are podgate's endpoints in the catalog's RegionOne; images and networks (which
 * podgate does not serve) stay one pod's, through the *_ENDPOINT_OVERRIDE variables that OSC reads
 * only for the `envvars` cloud. The demo
 * pods share the cirros image id, so a server in either pod can boot from it.
 */
export function openrc(sim: SimulatorHandle, imagePod = sim.pods[0]): string {
  return [
    '# openrc for tenant-a through podgate (compute, volume); images and networks from Pod1 (the simulator, a test double)',
    'export OS_CLOUD=envvars',
    `export OS_AUTH_URL=${sim.authUrl}`,
    'export OS_IDENTITY_API_VERSION=3',
    'export OS_USERNAME=alice',
    'export OS_PASSWORD=alice-secret',
    'export OS_PROJECT_NAME=tenant-a',
    'export OS_USER_DOMAIN_NAME=Default',
    'export OS_PROJECT_DOMAIN_NAME=Default',
    'export OS_REGION_NAME=RegionOne',
    'export OS_INTERFACE=public',
    `export OS_IMAGE_ENDPOINT_OVERRIDE=${imagePod.imageUrl}`,
    `export OS_NETWORK_ENDPOINT_OVERRIDE=${imagePod.networkUrl}`,
    '# --nic none needs compute microversion 2.37 or later',
    'export OS_COMPUTE_API_VERSION=2.37',
  ].join('\n');
}

/** Each simulated cloud calls its AZ `nova`, as most clouds do; podgate shows them as az1 and az2. */
const DEMO_AZS = ['az1', 'az2'];

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
  const gatewayUrl = `http://${process.env.PODGATE_HOST ?? '127.0.0.1'}:${process.env.PODGATE_PORT ?? '19999'}`;
  const sim = await startSimulator({
    pods: DEMO_AZS.map(() => ({ az: 'nova' })),
    basePort: flags.basePort ?? 20000,
    gatewayUrl,
  });
  const gateway = await startDemoGateway({
    ...process.env,
    KEYSTONE_URL: sim.authUrl,
    PODGATE_SERVICE_PASSWORD: 'podgate-secret',
    PODGATE_USAGE_POLL_SECONDS: process.env.PODGATE_USAGE_POLL_SECONDS ?? '10',
  }).catch(async (error: Error) => {
    await sim.stop();
    throw error;
  });
  const adminToken = sim.issueToken('admin', 'admin');
  const pods = await registerDemoPods(
    gateway.url,
    adminToken,
    sim.pods.map((pod, i) => ({ pod, az: DEMO_AZS[i] })),
  )
    .then(async (registered) => {
      await defineDemoFlavor(gateway.url, adminToken);
      return registered;
    })
    .catch(async (error: Error) => {
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
      ...pods.map((pod) => `  ${pod.name} (${pod.az}, the pod's own AZ nova): ${pod.outcome} through POST /v1.0/pods`),
      `  flavor ${DEMO_FLAVOR.name}: defined at the gateway, pushed to both pods by the flavor reconciler`,
      '',
      adminrc(sim, gateway.url),
      '',
      '# then, for example (after npm run build):',
      'node dist/apps/cli/src/main.js pods list',
      `node dist/apps/cli/src/main.js bindings create --project ${sim.keystone.directory.findProject({ name: 'tenant-a' })?.id} --az az1 --pod Pod1   # tenant-a`,
      'node dist/apps/cli/src/main.js bindings list          # --as-of <instant>: the bindings in force then',
      'node dist/apps/cli/src/main.js audit list',
      '',
      'The openstack CLI as tenant-a, through podgate:',
      '',
      rc,
      '',
      '# then, for example:',
      'openstack availability zone list --compute',
      'openstack flavor list',
      `openstack server create --wait --flavor ${DEMO_FLAVOR.name} --image cirros --nic none --availability-zone az2 demo-vm`,
      'openstack server list --long',
      "openstack volume create --size 1 --availability-zone az2 demo-vol   # a volume in the server's AZ (pod)",
      'openstack server add volume demo-vm demo-vol',
      'openstack volume list --long                                       # in-use, attached to demo-vm',
      'openstack server stop demo-vm',
      'node dist/apps/cli/src/main.js audit list   # (with the admin variables above) every step recorded',
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
