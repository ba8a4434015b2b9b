import { readFileSync } from 'node:fs';

/**
 * Where a Node CPU profile (`node --cpu-prof`) spent its samples: self time by area (a package, our
 * libs, Node internals, GC, idle) and the top functions. Used to explain the benchmark's numbers:
 *   BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" bash bench/event-store/run.sh --only rebuild --adapters postgres
 *   node dist-bench/bench/event-store/profile-summary.js /tmp/prof/*.cpuprofile
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarizeProfile(profile: Profile, top = 25): { areas: [string, number][]; functions: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areaMs = new Map<string, number>();
  const functionMs = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const area = areaOf(frame.url, frame.functionName);
    areaMs.set(area, (areaMs.get(area) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functionMs.set(name, (functionMs.get(name) ?? 0) + ms);
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { areas: sorted(areaMs), functions: sorted(functionMs).slice(0, top) };
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  const lib = /\/(libs\/[^/]+|bench)\//.exec(url);
  return lib ? lib[1] : url;
}

const shortUrl = (url: string) => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist-bench\//, '');

function main(files: string[]): void {
  for (const file of files) {
    const { areas, functions } = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile);
    const total = areas.reduce((sum, [, ms]) => sum + ms, 0);
    const line = ([name, ms]: [string, number]) =>
      `${((100 * ms) / total).toFixed(1).padStart(5)}%  ${Math.round(ms).toString().padStart(7)} ms  ${name}`;
    process.stdout.write(
      `${file}: ${Math.round(total)} ms sampled\nby area:\n${areas.map(line).join('\n')}\ntop functions (self):\n${functions.map(line).join('\n')}\n`,
    );
  }
}

if (require.main === module) main(process.argv.slice(2));
