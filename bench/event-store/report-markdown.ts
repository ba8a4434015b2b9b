import { measuredOn } from '../shared/bench-run';
import type { AppendMeasurement } from './append-throughput';
import type { AdapterResults, BenchResults } from './bench-results';
import type { CpuSplit } from './cpu-usage';

const n = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en-US');
const ms = (value: number | undefined) => (value === undefined ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const CONTENDED = '†';
/** Share of the machine's cores that other work kept busy above which a number is marked. */
const CONTENDED_SHARE = 0.25;
const mark = (cpu: CpuSplit, cores: number) => ((cpu.otherCores ?? 0) > CONTENDED_SHARE * cores ? ` ${CONTENDED}` : '');
const rate = (m: { eventsPerSecond: number; cpu: CpuSplit } | undefined, cores: number) =>
  m ? `${n(m.eventsPerSecond)} events/s${mark(m.cpu, cores)}` : '–';
const k = (events: number | undefined) => (events === undefined ? '?' : `${Math.round(events / 1000)}k`);

/** bench/results/event-store.md: the README table, then what limits each number, from this run's own measurements. */
export function renderMarkdown(results: BenchResults): string {
  const pglite = results.adapters.find((a) => a.adapter === 'pglite');
  const server = results.adapters.find((a) => a.adapter === 'postgres');
  const m = results.machine;
  const lines = [
    '## Event-store throughput',
    '',
    measuredOn(results) +
      `PGlite ${pglite?.version ?? '–'}, file-backed in a temp dir; PostgreSQL ${server?.version ?? '–'} on loopback, fsync and synchronous_commit on, ` +
      `a fresh database per run. \`npm run bench:event-store\`; raw numbers in \`event-store.json\`.`,
    '',
    '| Measurement | PGlite (embedded) | PostgreSQL server |',
    '| --- | ---: | ---: |',
    ...appendRows(pglite, server, m.cores),
    `| readAll, pages of ${results.settings.readPageSize}, ${k(server?.readAll?.events ?? pglite?.readAll?.events)} events | ${rate(pglite?.readAll, m.cores)} | ${rate(server?.readAll, m.cores)} |`,
    `| Rebuild of the audit-log projection, ${k(server?.rebuild?.events ?? pglite?.rebuild?.events)} events | ${rate(pglite?.rebuild, m.cores)} | ${rate(server?.rebuild, m.cores)} |`,
    `| Floor: one-row INSERT + COMMIT, p50 | ${ms(pglite?.commitFloor?.oneRowCommitMs.p50)} ms | ${ms(server?.commitFloor?.oneRowCommitMs.p50)} ms |`,
    '',
    'Appends: events/s (appends/s), p50 / p99 latency per append as the caller sees it. Each writer appends to its own streams with the exact ' +
      'expected revision. PGlite has one connection: its 16 writers are 16 concurrent callers queued on it, and their latency includes the queue; ' +
      `on the server each writer has its own pooled connection. ${results.settings.secondsPerAppendScenario} s per scenario after ${results.settings.warmupSeconds} s of warm-up. ` +
      `${CONTENDED} marks a number taken while other work (not this process, not the server) kept over ${CONTENDED_SHARE * 100} % of the ` +
      `machine's CPU time busy: it understates what the code does on a quiet machine (per-phase CPU in the JSON).`,
    '',
    ...results.targets.map(
      (t) => `Target (server): ${t.what} ≥ ${n(t.target)}: ${n(t.measured)}, ${t.met ? 'met' : '**missed**'}.`,
    ),
    '',
    '### What limits each number (this run)',
    '',
    ...limits(pglite, server, m.cores),
    '',
  ];
  return lines.join('\n');
}

function appendRows(pglite: AdapterResults | undefined, server: AdapterResults | undefined, cores: number): string[] {
  const scenarios = (pglite ?? server)?.appends ?? [];
  const cell = (a: AppendMeasurement | undefined) =>
    a
      ? `${n(a.eventsPerSecond)} (${n(a.appendsPerSecond)}), ${ms(a.latencyMs.p50)} / ${ms(a.latencyMs.p99)} ms${mark(a.cpu, cores)}`
      : '–';
  const find = (r: AdapterResults | undefined, s: AppendMeasurement) =>
    r?.appends.find((a) => a.writers === s.writers && a.eventsPerAppend === s.eventsPerAppend);
  return scenarios.map(
    (s) =>
      `| Append, ${s.writers} writer${s.writers > 1 ? 's' : ''} × ${s.eventsPerAppend} event${s.eventsPerAppend > 1 ? 's' : ''} | ${cell(find(pglite, s))} | ${cell(find(server, s))} |`,
  );
}

function limits(pglite: AdapterResults | undefined, server: AdapterResults | undefined, cores: number): string[] {
  const lines: string[] = [];
  const find = (r: AdapterResults | undefined, writers: number, size: number) =>
    r?.appends.find((a) => a.writers === writers && a.eventsPerAppend === size);
  const one = find(server, 1, 1);
  const many = find(server, 16, 1);
  const many10 = find(server, 16, 10);
  if (one?.walFlushes && server?.commitFloor) {
    lines.push(
      `- **Server, 1 writer**: each append is one commit waiting for its own WAL flush (commits per flush: ${one.walFlushes.commitsPerFlush}, ` +
        `${ms(one.walFlushes.meanMs)} ms per fdatasync): p50 ${ms(one.latencyMs.p50)} ms against ${ms(server.commitFloor.oneRowCommitMs.p50)} ms for a bare ` +
        `one-row INSERT + COMMIT and ${ms(server.commitFloor.roundTripMs.p50)} ms for a round trip. Ten events per append cost little more than one.`,
    );
  }
  if (many?.walFlushes && many10?.walFlushes) {
    lines.push(
      `- **Server, 16 writers**: commits share WAL flushes (${many.walFlushes.commitsPerFlush} per flush, ${n(many.walFlushes.perSecond)} flushes/s ` +
        `of ${ms(many.walFlushes.meanMs)} ms each as the server times them, one at a time), so events/s grow with events per append, not with writers. ` +
        `The server spends ${many.cpu.serverMicrosPerEvent} µs of CPU per 1-event append (${many10.cpu.serverMicrosPerEvent} µs per event at 10), ` +
        `and the cores run out: server ${many.cpu.serverCores} + Node ${many.cpu.nodeCores} + other work ${many.cpu.otherCores ?? '–'} of ${cores}, ` +
        `with ${many.cpu.serverWaitingForCpu} server processes on average ready to run but waiting for a CPU.`,
    );
  }
  const p1 = find(pglite, 1, 1);
  const p16 = find(pglite, 16, 1);
  if (p1 && p16) {
    lines.push(
      `- **PGlite appends**: one connection in this process, so appends run one at a time however many callers wait (16 writers: ` +
        `${n(p16.appendsPerSecond)} appends/s, one: ${n(p1.appendsPerSecond)}); only latency grows. ${p1.cpu.nodeMicrosPerEvent} µs of ` +
        `Node CPU per 1-event append, most of it PostgreSQL in WebAssembly and PGlite's JavaScript around it (see --profile): one core ` +
        `busy (${p1.cpu.nodeCores}), the main thread waiting for a CPU ${pct(p1.cpu.nodeWaitingForCpu)} % of the time.`,
    );
  }
  const read = server?.readAll;
  if (read) {
    lines.push(
      `- **readAll**: Node's one thread is the limit (${read.cpu.nodeCores} cores): ${read.cpu.nodeMicrosPerEvent} µs of Node CPU per event (pg row parsing, JSON.parse of data and ` +
        `metadata, dates, bigints) against ${read.cpu.serverMicrosPerEvent ?? '–'} µs in the server` +
        (pglite?.readAll ? `; PGlite spends ${pglite.readAll.cpu.nodeMicrosPerEvent} µs per event doing both.` : '.'),
    );
  }
  const rebuild = server?.rebuild;
  if (rebuild) {
    lines.push(
      `- **Rebuild (server)**: 2,000-event batches written one at a time while the next is read: ${pct(rebuild.split.projectionApply)} % of the ` +
        `time in the audit-log INSERT, ${pct(rebuild.split.checkpointAndCommit)} % in checkpoint + COMMIT, ${pct(rebuild.split.readingAndOther)} % ` +
        `waiting for events. Per event ${rebuild.cpu.serverMicrosPerEvent} µs of server CPU (three B-trees, jsonb) + ${rebuild.cpu.nodeMicrosPerEvent} µs ` +
        `in Node (decoding, JSON encoding). The batches' INSERTs run one after another in one backend, so more cores cannot help: ` +
        `server ${rebuild.cpu.serverCores} + Node ${rebuild.cpu.nodeCores} + other work ${rebuild.cpu.otherCores ?? '–'} of ${cores} cores busy.` +
        (pglite?.rebuild ? ` PGlite does it all on one thread: ${pglite.rebuild.cpu.nodeMicrosPerEvent} µs per event.` : ''),
    );
  }
  return lines;
}

const pct = (share: number | undefined) => (share === undefined ? '–' : Math.round(share * 100));
