// The pod simulator (a test double of an OpenStack cloud) in its own process, so its CPU is not the
// load generator's. Started by simulated-pod.ts; prints one `SIMULATOR {json}` line once listening.
import { startSimulator } from '../../apps/pod-simulator/src/simulator';
import { READY_PREFIX, type SimulatorReady, type SimulatorSettings } from './simulated-pod';

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '{}') as SimulatorSettings;
  const sim = await startSimulator({
    pods: [
      {
        az: 'az1',
        // The actions leg boots one server per connection; Nova's default quota (10 instances) would refuse.
        quotas: { instances: 1000, cores: 4000, ram: 4_000_000 },
      },
    ],
    basePort: 0,
    delays: { buildMs: settings.buildMs, actionMs: settings.actionMs, volumeMs: 0 },
  });
  const pod = sim.pods[0];
  const ready: SimulatorReady = {
    keystoneUrl: sim.keystoneUrl,
    authUrl: sim.authUrl,
    pod: { region: pod.region, az: pod.az, url: pod.url, computeUrl: pod.computeUrl },
  };
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(ready)}\n`);
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`simulator failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
