import { rebuildProjection } from '@podgate/read-model';
import { ALL_PROJECTIONS, findProjection } from '@podgate/runtime';
import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError } from 'commander';
import { withLocalRuntime } from '../local-runtime';

/** Empties a read model and replays the log into it, with a progress bar and the rate achieved. */
export async function projectionsRebuild(name: string): Promise<void> {
  const projection = findProjection(name);
  if (!projection) {
    throw new InvalidArgumentError(`no projection named ${name} (known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')})`);
  }
  const bar = new SingleBar(
    {
      format: `${name} [{bar}] {percentage}% | {value}/{total} events | {speed} events/s`,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    Presets.shades_classic,
  );
  let barStarted = false;
  const started = Date.now();
  const result = await withLocalRuntime((runtime) =>
    rebuildProjection(runtime.eventStore, runtime.readModel, projection, {
      onProgress: ({ applied, total }) => {
        const speed = Math.round(applied / Math.max((Date.now() - started) / 1000, 0.001));
        if (!barStarted) {
          bar.start(total, applied, { speed });
          barStarted = true;
        } else bar.update(applied, { speed });
      },
    }),
  );
  bar.stop();
  process.stdout.write(
    `rebuilt ${name} v${projection.version}: ${result.applied} events in ${result.seconds.toFixed(2)} s (${Math.round(result.eventsPerSecond)} events/s)\n`,
  );
}
