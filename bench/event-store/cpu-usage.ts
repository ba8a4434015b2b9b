import { readdirSync, readFileSync } from 'node:fs';
import { round } from './latency';

/** CPU used during a measured section, by this Node process and by the database server. */
export interface CpuSplit {
  readonly wallSeconds: number;
  /** Cores busy on average = CPU seconds / wall seconds. */
  readonly nodeCores: number;
  /** All processes of the PostgreSQL server (backends, WAL writer, checkpointer); absent for PGlite. */
  readonly serverCores?: number;
  /** CPU time per event in microseconds: the cost of the work, whatever else the machine is running. */
  readonly nodeMicrosPerEvent: number;
  readonly serverMicrosPerEvent?: number;
  /**
   * Contention from other work: the share of the wall time Node's main thread was ready to run but
   * waiting for a CPU, and how many server processes were, on average (Linux schedstat).
   */
  readonly nodeWaitingForCpu?: number;
  readonly serverWaitingForCpu?: number;
  /** Cores busy with anything but this process and the server (other tests, the OpenStack lab...), from /proc/stat. */
  readonly otherCores?: number;
}

interface Sample {
  readonly cpuSeconds: number;
  readonly waitSeconds: number;
}

/** Sums CPU and run-queue wait of the postmaster and its children (the server must be local). */
function serverSample(postmasterPid: number): Sample {
  let cpuSeconds = 0;
  let waitSeconds = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(entry)?.[1]);
    if (Number(entry) !== postmasterPid && ppid !== postmasterPid) continue;
    const sched = schedstat(entry);
    cpuSeconds += sched?.cpuSeconds ?? 0;
    waitSeconds += sched?.waitSeconds ?? 0;
  }
  return { cpuSeconds, waitSeconds };
}

/** Fields of /proc/<pid>/stat after the `(comm)` field: state, ppid, ... */
function statFields(pid: string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** /proc/<pid>/schedstat: nanoseconds on a CPU, nanoseconds runnable but waiting for one, timeslices. */
function schedstat(pid: string): Sample | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { cpuSeconds: run / 1e9, waitSeconds: wait / 1e9 };
  } catch {
    return undefined;
  }
}

/** CPU seconds the whole machine spent busy (not idle, not waiting for IO), from /proc/stat. */
function machineBusySeconds(): number | undefined {
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

/** Linux USER_HZ, the unit of /proc/stat (100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

/** Starts measuring; the returned function stops and reports, given how many events the section handled. */
export function startCpuSplit(postmasterPid?: number): (events: number) => CpuSplit {
  const started = process.hrtime.bigint();
  const node = process.cpuUsage();
  const nodeMain = schedstat('self');
  const server = postmasterPid === undefined ? undefined : serverSample(postmasterPid);
  const machine = machineBusySeconds();
  return (events) => {
    const machineNow = machineBusySeconds();
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(node);
    const nodeSeconds = (used.user + used.system) / 1e6;
    const nodeMainNow = schedstat('self');
    const split = {
      wallSeconds: round(wallSeconds, 3),
      nodeCores: round(nodeSeconds / wallSeconds),
      nodeMicrosPerEvent: round((nodeSeconds * 1e6) / events, 1),
      nodeWaitingForCpu:
        nodeMain && nodeMainNow ? round((nodeMainNow.waitSeconds - nodeMain.waitSeconds) / wallSeconds) : undefined,
    };
    const machineCores = machine === undefined || machineNow === undefined ? undefined : (machineNow - machine) / wallSeconds;
    const others = (ours: number) => (machineCores === undefined ? undefined : round(Math.max(0, machineCores - ours)));
    if (postmasterPid === undefined || server === undefined) return { ...split, otherCores: others(nodeSeconds / wallSeconds) };
    const now = serverSample(postmasterPid);
    const serverSeconds = now.cpuSeconds - server.cpuSeconds;
    return {
      ...split,
      otherCores: others((nodeSeconds + serverSeconds) / wallSeconds),
      serverCores: round(serverSeconds / wallSeconds),
      serverMicrosPerEvent: round((serverSeconds * 1e6) / events, 1),
      serverWaitingForCpu: round((now.waitSeconds - server.waitSeconds) / wallSeconds),
    };
  };
}
