import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
}

export function describeMachine(): MachineInfo {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    os: `${osName()} (${type()} ${release()})`,
    node: process.version,
  };
}

/** 1, 5 and 15 minute load averages, rounded. */
export const loadAverage = (): [number, number, number] => loadavg().map((v) => Number(v.toFixed(2))) as [number, number, number];

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? type();
  } catch {
    return type();
  }
}

/**
 * Waits until the 1-minute load is at most `maxLoad`, checking every 15 s, for at most `maxWaitSeconds`.
 * Other work on the machine competes for the same cores; say how long we waited and what the load was.
 */
export async function waitForQuietMachine(maxLoad: number, maxWaitSeconds: number, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  while (loadavg()[0] > maxLoad && Date.now() - started < maxWaitSeconds * 1000) {
    log(`load ${loadAverage().join(' ')} is above ${maxLoad}; waiting`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  return Math.round((Date.now() - started) / 1000);
}
