import { round } from '../shared/latency';
import { machineBusySeconds, otherCores, procPids, schedstat, statFields } from '../shared/proc-stat';

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

type Sample = NonNullable<ReturnType<typeof schedstat>>;

/** Sums CPU and run-queue wait of the postmaster and its children (the server must be local). */
function serverSample(postmasterPid: number): Sample {
  let cpuSeconds = 0;
  let waitSeconds = 0;
  for (const entry of procPids()) {
    const ppid = Number(statFields(entry)?.[1]);
    if (Number(entry) !== postmasterPid && ppid !== postmasterPid) continue;
    const sched = schedstat(entry);
    cpuSeconds += sched?.cpuSeconds ?? 0;
    waitSeconds += sched?.waitSeconds ?? 0;
  }
  return { cpuSeconds, waitSeconds };
}

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
    const others = (ours: number) => otherCores(machine, machineNow, wallSeconds, ours);
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
