import { describeMachine, loadAverage, type MachineInfo, waitForQuietMachine } from './machine';

/** The machine as a results file records it: what it is, and how busy it was around the run. */
export type RunMachine = MachineInfo & {
  readonly loadAverageStart: [number, number, number];
  readonly loadAverageEnd: [number, number, number];
  readonly waitedForLoadSeconds: number;
};

/** The fields every bench/results/*.json starts with. */
export interface BenchRun {
  readonly date: string;
  readonly durationSeconds: number;
  readonly machine: RunMachine;
}

export interface StartedRun {
  readonly loadAtStart: [number, number, number];
  /** When the run ends: its date, duration and machine, to spread first into the results. */
  finish(): BenchRun;
}

/** Waits for a quiet machine when asked (`--wait-for-load`), then starts the run's clock. */
export async function startBenchRun(waitForLoad: number | undefined, log: (line: string) => void): Promise<StartedRun> {
  const waitedSeconds = waitForLoad ? await waitForQuietMachine(waitForLoad, 600, log) : 0;
  const started = new Date();
  const loadAtStart = loadAverage();
  return {
    loadAtStart,
    finish: () => ({
      date: started.toISOString(),
      durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
      machine: {
        ...describeMachine(),
        loadAverageStart: loadAtStart,
        loadAverageEnd: loadAverage(),
        waitedForLoadSeconds: waitedSeconds,
      },
    }),
  };
}

/** The opening of a results page: when, on what, and how loaded the machine was. */
export function measuredOn({ date, machine: m }: BenchRun): string {
  return (
    `Measured ${date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}; ` +
    `load average ${m.loadAverageStart.join(' / ')} at the start and ${m.loadAverageEnd.join(' / ')} at the end (other work shared the machine). `
  );
}

/** A measured number against the brief's target (a number, or a comparison such as `<= 0.3`). */
export interface TargetCheck<Target extends number | string = number> {
  readonly what: string;
  readonly target: Target;
  readonly measured: number | undefined;
  readonly met: boolean;
}
