import { round } from '../shared/latency';
import { machineBusySeconds, otherCores, procPids, statFields, TICKS_PER_SECOND } from '../shared/proc-stat';

/** Where the CPU went during one run: cores busy on average, per role, and everything else on the machine. */
export interface CpuShare {
  readonly wallSeconds: number;
  /** `loadgen` is this process (autocannon); the others are the roles the run named. */
  readonly cores: Record<string, number>;
  /** Other engineers' work, the OpenStack lab, ...: machine busy time minus the roles above. */
  readonly otherCores: number | undefined;
}

/**
 * A pid: that process and its direct children (nginx's worker); a list: exactly those processes
 * (the PostgreSQL backends serving podgate's database, not the other tests sharing the server).
 */
export type ProcessSet = number | readonly number[];

interface ProcStat {
  readonly ppid: number;
  /** utime + stime, every thread included. */
  readonly cpuSeconds: number;
}

function processTable(): Map<number, ProcStat> {
  const table = new Map<number, ProcStat>();
  for (const entry of procPids()) {
    const fields = statFields(entry);
    if (!fields) continue; // ended meanwhile
    table.set(Number(entry), {
      ppid: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    });
  }
  return table;
}

const membersOf = (set: ProcessSet, table: Map<number, ProcStat>): number[] =>
  typeof set === 'number' ? [...table].filter(([pid, s]) => pid === set || s.ppid === set).map(([pid]) => pid) : [...set];

/**
 * Starts measuring; the returned function stops and reports. A role counts the processes alive at
 * both ends (one that exits during the run would otherwise take its whole lifetime's CPU with it).
 */
export function startCpuShare(processes: Readonly<Record<string, ProcessSet | undefined>>): () => CpuShare {
  const roles = Object.entries(processes).filter((entry): entry is [string, ProcessSet] => entry[1] !== undefined);
  const started = process.hrtime.bigint();
  const self = process.cpuUsage();
  const before = processTable();
  const machine = machineBusySeconds();
  return () => {
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const after = processTable();
    const machineNow = machineBusySeconds();
    const used = process.cpuUsage(self);
    const cores: Record<string, number> = { loadgen: round((used.user + used.system) / 1e6 / wallSeconds) };
    for (const [role, set] of roles) {
      const seconds = membersOf(set, after)
        .filter((pid) => before.has(pid) && after.has(pid))
        .reduce((sum, pid) => sum + after.get(pid)!.cpuSeconds - before.get(pid)!.cpuSeconds, 0);
      cores[role] = round(seconds / wallSeconds);
    }
    const ours = Object.values(cores).reduce((sum, value) => sum + value, 0);
    return { wallSeconds: round(wallSeconds, 3), cores, otherCores: otherCores(machine, machineNow, wallSeconds, ours) };
  };
}
