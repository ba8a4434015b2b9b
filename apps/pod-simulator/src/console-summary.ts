// What the simulator prints when it is up: where everything listens and how to log in.
import { SimulatorHandle } from './simulator';

export function describeSimulator(sim: SimulatorHandle): string {
  const lines = [
    'podgate pod simulator: a TEST DOUBLE of OpenStack (Keystone + Nova/Cinder subsets, Neutron/Glance stubs).',
    `  keystone  ${sim.authUrl}   (fault control: ${sim.keystoneUrl}/__sim)`,
  ];
  for (const pod of sim.pods) {
    lines.push(
      `  ${pod.name.padEnd(8)}  region ${pod.region}, az ${pod.az}: ${pod.url}  (compute ${pod.computeUrl}, fault control ${pod.url}/__sim)`,
    );
  }
  const users = sim.keystone.directory
    .listUsers()
    .map(
      (u) => `${u.name}/${u.password}@${u.defaultProjectId ? sim.keystone.directory.getProject(u.defaultProjectId)?.name : '-'}`,
    );
  lines.push(`  users     ${users.join('  ')}`);
  return lines.join('\n');
}
