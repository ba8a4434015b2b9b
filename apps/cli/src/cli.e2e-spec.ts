import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@podgate/config';
import { streamName } from '@podgate/event-store';
import { testEvent } from '@podgate/event-store/testing';
import { findProjection, openRuntime } from '@podgate/runtime';
import { buildCli } from './cli';

describe('podgate projections (embedded store)', () => {
  let dataDir: string;
  let output: string[];
  let write: jest.SpyInstance;
  const run = (...args: string[]) =>
    buildCli()
      .exitOverride()
      .parseAsync(['node', 'podgate', ...args]);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podgate-cli-'));
    process.env.PODGATE_DATA_DIR = dataDir;
    const runtime = await openRuntime(loadConfig(process.env));
    await runtime.eventStore.append(
      streamName('cliTest', 'a'),
      [1, 2, 3].map((n) => testEvent('PodMaintenanceEnded', { podId: `cli-test-${n}` })),
      'no_stream',
    );
    await runtime.close();
    output = [];
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => output.push(String(chunk)) > 0);
  });
  afterEach(() => {
    write.mockRestore();
    delete process.env.PODGATE_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports a projection that has not run as behind by every event', async () => {
    await run('projections', 'status', '-f', 'json');
    // Other projections join ALL_PROJECTIONS as slices land; this test is about audit-log.
    const version = findProjection('audit-log')?.version;
    expect(JSON.parse(output.join('')).find((row: { projection: string }) => row.projection === 'audit-log')).toEqual({
      ...{ projection: 'audit-log', version, position: 'not started', applied: 0, lastEventAt: '' },
      behind: 3,
    });
  });

  it('rebuilds a projection, prints the rate, and status then shows it caught up', async () => {
    await run('projections', 'rebuild', 'audit-log');
    const version = findProjection('audit-log')?.version;
    expect(output.join('')).toMatch(
      new RegExp(`^rebuilt audit-log v${version}: 3 events in \\d+\\.\\d\\d s \\(\\d+ events/s\\)\\n$`),
    );
    output.length = 0;
    await run('projections', 'status', '-f', 'json');
    expect(JSON.parse(output.join('')).find((row: { projection: string }) => row.projection === 'audit-log')).toMatchObject({
      applied: 3,
      behind: 0,
    });
  });

  it('names the known projections when asked for an unknown one', async () => {
    await expect(run('projections', 'rebuild', 'nope')).rejects.toThrow(
      /^no projection named nope \(known: (.+, )?audit-log(, .+)?\)$/,
    );
  });
});
