import { measuredOn } from '../shared/bench-run';
import type { GatewayBenchResults } from './gateway-results';
import type { LoadRun } from './load-run';

const n = (value: number | undefined) => (value === undefined ? '–' : Math.round(value).toLocaleString('en-US'));
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const LEGS = [
  ['direct', 'Direct to the pod'],
  ['nginx', 'Debian nginx `proxy_pass`'],
  ['podgate', 'podgate (`npm start`, Keystone, PostgreSQL)'],
] as const;

/** bench/results/gateway.md: the tables, the targets, and where the CPU went in each run. */
export function renderMarkdown(results: GatewayBenchResults): string {
  const s = results.settings;
  const cell = (run: LoadRun | undefined) =>
    run
      ? `${ms(run.latencyMs.p50)} / ${ms(run.latencyMs.p99)} ms, ${n(run.requestsPerSecond)} req/s${run.non2xx + run.errors + run.timeouts ? ' ‡' : ''}`
      : '–';
  const routed = (label: string, connections: number) =>
    results.routedGet.find((run) => run.label === label && run.connections === connections);
  const unclean = [...results.routedGet, ...results.actions].some((run) => run.non2xx + run.errors + run.timeouts > 0);
  const lines = [
    '## Gateway overhead: routed GET and server actions',
    '',
    measuredOn(results) +
      `Load from autocannon in the benchmark's process; the pod is the pod simulator (a test double) in its own process; ` +
      `nginx ${s.nginx?.version ?? '–'} with ${s.nginx?.workers ?? '–'} worker; ` +
      (s.podgate
        ? `podgate in Keystone mode (token validations cached ${s.podgate.tokenCacheSeconds} s), log level ${s.podgate.logLevel}${Object.entries(
            s.podgate.env,
          )
            .map(([k, v]) => `, ${k}=${v}`)
            .join('')}, events and read model on ${s.podgate.store}. `
        : 'podgate did not run. ') +
      `${s.warmupSeconds} s warm-up, then ${s.secondsPerRun} s per run. \`npm run bench:gateway\`; raw numbers in \`gateway.json\`.`,
    '',
    `${s.routedRequest}: p50 / p99 latency, req/s`,
    '',
    `| Path | ${s.connections.map((c) => `${c} connection${c > 1 ? 's' : ''}`).join(' | ')} |`,
    `| --- | ${s.connections.map(() => '---:').join(' | ')} |`,
    ...LEGS.map(([label, title]) => `| ${title} | ${s.connections.map((c) => cell(routed(label, c))).join(' | ')} |`),
    '',
    `${s.actionRequest}, through podgate: p50 / p99 latency, actions/s`,
    '',
    '| Connections | Actions | Server events appended |',
    '| ---: | ---: | --- |',
    ...results.actions.map(
      (run) => `| ${run.connections} | ${cell(run)} | ${run === results.actions.at(-1) ? events(results) : ''} |`,
    ),
    ...(results.actions.length ? [] : ['| – | – | – |']),
    '',
    ...(unclean ? ['‡ the run had non-2xx answers or errors (listed below); it counts for no target.', ''] : []),
    ...results.targets.map(
      (t) =>
        `Target: ${t.what} ${t.target}: ` +
        (t.measured === undefined ? '**not measured**.' : `${t.measured}, ${t.met ? 'met' : '**missed**'}.`),
    ),
    '',
    ...(results.failures.length ? ['### Failures', '', ...results.failures.map((f) => `- ${f}`), ''] : []),
    '### Where the CPU went (cores busy on average per run)',
    '',
    "| Run | loadgen (autocannon) | target (pod) | proxy | database (podgate's backends) | other work |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...[...results.routedGet, ...results.actions].map((run) => {
      const c = run.cpu.cores;
      const x = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(2));
      return `| ${run.label}, ${run.connections} conn. | ${x(c.loadgen)} | ${x(c.target)} | ${x(c.proxy)} | ${x(c.database)} | ${x(run.cpu.otherCores)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

function events(results: GatewayBenchResults): string {
  if (!results.serverEvents) return '–';
  return Object.entries(results.serverEvents)
    .map(([type, count]) => `${type} ${n(count)}`)
    .join(', ');
}
