import { join } from 'node:path';
import { type StartedProcess, startProcess, waitUntil } from './child-process';

export interface SimulatorSettings {
  /** BUILD -> ACTIVE; the benchmark creates servers and waits for them. */
  readonly buildMs: number;
  /** Every server task (reboot, ...): 0 completes it before the next request, so actions repeat without 409s. */
  readonly actionMs: number;
}

export interface SimulatorReady {
  readonly keystoneUrl: string;
  readonly authUrl: string;
  readonly pod: { readonly region: string; readonly az: string; readonly url: string; readonly computeUrl: string };
}

export const READY_PREFIX = 'SIMULATOR ';

export interface SimulatedPod extends SimulatorReady {
  readonly process: StartedProcess;
}

/** Starts the simulator process (compiled next to this file) and reads where it listens. */
export async function startSimulatedPod(settings: SimulatorSettings, dir: string): Promise<SimulatedPod> {
  const started = startProcess(process.execPath, [join(__dirname, 'simulated-pod.process.js'), JSON.stringify(settings)], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production' },
    logFile: join(dir, 'simulator.log'),
  });
  let ready: SimulatorReady | undefined;
  await waitUntil(
    'the pod simulator',
    async () => {
      const line = started
        .tail()
        .split('\n')
        .find((l) => l.startsWith(READY_PREFIX));
      if (line) ready = JSON.parse(line.slice(READY_PREFIX.length)) as SimulatorReady;
      return ready !== undefined;
    },
    started,
    30_000,
  ).catch(async (error: unknown) => {
    await started.stop();
    throw error;
  });
  return { ...ready!, process: started };
}
