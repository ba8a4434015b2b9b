#!/usr/bin/env node
// `npm run demo`: the pod simulator (a TEST DOUBLE of two OpenStack clouds) and the podgate gateway
// on its default address and embedded store. The gateway has no admin API yet to register the
// pods, so the openrc points the real `openstack` CLI at Pod1 directly for now.
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { describeSimulator } from './console-summary';
import { startDemoGateway } from './demo-gateway';
import { stopOnSignals } from './run-until-signal';
import { SimulatorHandle, startSimulator } from './simulator';

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
    .description('Starts the pod simulator (Keystone + 2 pods in az1/az2) and prints an openrc for Pod1.')
    .option('--base-port <port>', 'Keystone port; pods on base-port + 1 and + 2 (default 20000)', (v) => {
      const port = Number(v);
      if (!Number.isInteger(port) || port < 0) throw new InvalidArgumentError('expected a port number');
      return port;
    })
    .option('--openrc <file>', 'also write the openrc to this file')
    .parse()
    .opts<{ basePort?: number; openrc?: string }>();
  const sim = await startSimulator({ pods: [{ az: 'az1' }, { az: 'az2' }], basePort: flags.basePort ?? 20000 });
  const gateway = await startDemoGateway().catch(async (error: Error) => {
    await sim.stop();
    throw error;
  });
  const rc = openrc(sim);
  if (flags.openrc) writeFileSync(flags.openrc, `${rc}\n`);
  process.stdout.write(
    [
      describeSimulator(sim),
      '',
      `podgate gateway: ${gateway.url} (embedded store in ${process.env.PODGATE_DATA_DIR ?? './data'}; try: curl -s ${gateway.url}/healthz)`,
      '',
      'podgate has no admin API yet to register these pods (it comes with the next issues), so for now',
      'talk to Pod1 directly with the openstack CLI:',
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
