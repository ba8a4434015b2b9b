import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { summarizeProfile } from './profile-summary';

/**
 * With --profile <dir>, each measured phase is CPU-profiled on its own (node:inspector, the same
 * profiler as `node --cpu-prof`), written as <dir>/<adapter>-<phase>.cpuprofile, and summarized by
 * area on stderr. Off by default: the profiler itself costs some throughput.
 */
export async function profiled<T>(
  dir: string | undefined,
  name: string,
  log: (line: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    const { areas } = summarizeProfile(profile as Parameters<typeof summarizeProfile>[0], 0);
    const total = areas.reduce((sum, [, ms]) => sum + ms, 0);
    const top = areas.slice(0, 7).map(([area, ms]) => `${area} ${Math.round((100 * ms) / total)}%`);
    log(`  profile ${name}: ${top.join(', ')}`);
  }
}
