// Keeps a started simulator running until SIGINT/SIGTERM, then stops it cleanly.
import { SimulatorHandle } from './simulator';

export function stopOnSignals(sim: SimulatorHandle, label: string, before: () => Promise<void> = async () => undefined): void {
  const shutdown = (signal: string) => {
    process.stdout.write(`${signal}: stopping the ${label}\n`);
    before()
      .then(() => sim.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`${label}: error while stopping: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
