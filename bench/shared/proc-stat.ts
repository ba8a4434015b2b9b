import { readdirSync, readFileSync } from 'node:fs';
import { round } from './latency';

/** Linux USER_HZ, the unit of /proc/stat and /proc/<pid>/stat times (100 on every mainstream build). */
export const TICKS_PER_SECOND = 100;

/** The pids under /proc now, as their directory names. */
export const procPids = (): string[] => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));

/** Fields of /proc/<pid>/stat after the `(comm)` field: state (0), ppid (1), ..., utime (11), stime (12). */
export function statFields(pid: string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** /proc/<pid>/schedstat: seconds on a CPU, and seconds runnable but waiting for one. */
export function schedstat(pid: string): { readonly cpuSeconds: number; readonly waitSeconds: number } | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { cpuSeconds: run / 1e9, waitSeconds: wait / 1e9 };
  } catch {
    return undefined;
  }
}

/** CPU seconds the whole machine spent busy (not idle, not waiting for IO), from /proc/stat. */
export function machineBusySeconds(): number | undefined {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Cores that other work kept busy (other tests, the OpenStack lab...): the machine's busy time between
 * two `machineBusySeconds()` samples, per wall second, minus the cores the benchmark accounts for.
 */
export function otherCores(
  machineBefore: number | undefined,
  machineAfter: number | undefined,
  wallSeconds: number,
  ourCores: number,
): number | undefined {
  if (machineBefore === undefined || machineAfter === undefined) return undefined;
  return round(Math.max(0, (machineAfter - machineBefore) / wallSeconds - ourCores));
}
