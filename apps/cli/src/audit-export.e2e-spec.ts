// `podgate audit export` over real HTTP against the admin API TEST DOUBLE (testing/admin-api-double.ts),
// for what only a double can do: huge exports, backpressure, cut and short streams. A refused
// export is asserted against the real gateway, in cli-gateway.e2e-spec.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type AdminApiDouble, type AdminApiDoubleOptions, startAdminApiDouble } from './testing/admin-api-double';
import { capture, podgate, podgateWith } from './testing/memory-io';

describe('podgate audit export against the admin API test double', () => {
  let api: AdminApiDouble;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const start = async (options: AdminApiDoubleOptions) => {
    api = await startAdminApiDouble(options);
    env = { OS_TOKEN: 'admin:admin', PODGATE_URL: api.url };
  };
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'podgate-export-'))));
  afterEach(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every event as one JSON line to the file and says how many, with filters in the query', async () => {
    await start({ auditEvents: 500 });
    const file = join(dir, 'audit.jsonl');
    const result = await podgate(env, 'audit', 'export', '--project', 'p1', '--since', '2026-11-22T00:00:00Z', '-o', file);
    expect(result).toMatchObject({ code: 0, stdout: `exported 500 events to ${file}\n`, stderr: '' });
    const written = lines(file);
    expect(written).toHaveLength(500);
    expect(JSON.parse(written[499])).toMatchObject({ position: '500/500', type: 'TenantBoundToPod' });
    expect(api.requests[0].url).toBe('/v1.0/audit/export?project_id=p1&since=2026-11-22T00%3A00%3A00.000Z');
  });

  it('draws a progress bar sized by x-podgate-event-count on a terminal stderr', async () => {
    await start({ auditEvents: 300 });
    const file = join(dir, 'audit.jsonl');
    const stderr = capture({ isTTY: true });
    const result = await podgateWith({ stdout: capture(), stderr, env }, 'audit', 'export', '-o', file);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('audit export [');
    expect(result.stderr).toMatch(/100% \| 300\/300 events/);
    expect(lines(file)).toHaveLength(300);
  });

  it('draws no bar when writing to stdout, nor without a count header', async () => {
    await start({ auditEvents: 40 });
    const toStdout = await podgateWith({ stdout: capture(), stderr: capture({ isTTY: true }), env }, 'audit', 'export');
    expect(toStdout.stderr).toBe('');
    expect(
      toStdout.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).position),
    ).toHaveLength(40);
    await api.stop();

    await start({ auditEvents: 40, exportWithoutCount: true });
    const file = join(dir, 'uncounted.jsonl');
    const uncounted = await podgateWith(
      { stdout: capture(), stderr: capture({ isTTY: true }), env },
      'audit',
      'export',
      '-o',
      file,
    );
    expect(uncounted).toMatchObject({ code: 0, stderr: '' });
    expect(lines(file)).toHaveLength(40);
  });

  it('reads no faster than it can write: the gateway is held back while the output is stuck', async () => {
    const total = 60_000;
    await start({ auditEvents: total });
    const stuck = new StuckWritable();
    const running = podgateWith({ stdout: Object.assign(stuck, { text: () => '' }), stderr: capture(), env }, 'audit', 'export');
    await producerStalls(() => api.exported.bytes);
    const lineBytes = api.exported.bytes / api.exported.lines;
    // Socket and stream buffers hold a few MB (about 4 here); buffering the answer would take all ~30 MB.
    expect(api.exported.bytes).toBeLessThan(12 * 1024 * 1024);
    expect(api.exported.lines).toBeLessThan(total / 2);
    stuck.release();
    expect((await running).code).toBe(0);
    expect(stuck.lines).toBe(total);
    expect(lineBytes * total).toBeGreaterThan(25 * 1024 * 1024);
  });

  it('says how far it got when the connection is cut, and that the file is incomplete', async () => {
    await start({ auditEvents: 500, exportFailAfter: 128 });
    const file = join(dir, 'cut.jsonl');
    const result = await podgate(env, 'audit', 'export', '-o', file);
    expect(result.code).toBe(1);
    const reported = /^podgate: audit export interrupted after (\d+) events: .+; (.+) is incomplete\n$/.exec(result.stderr);
    expect(reported?.[2]).toBe(file);
    expect(lines(file)).toHaveLength(Number(reported?.[1]));
    expect(Number(reported?.[1])).toBeLessThan(500);
  });

  it('fails when the stream ends cleanly before the events x-podgate-event-count announced', async () => {
    await start({ auditEvents: 500, exportEndAfter: 200 });
    const file = join(dir, 'short.jsonl');
    expect(await podgate(env, 'audit', 'export', '-o', file)).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `podgate: export incomplete: 200 of 500 events written to ${file}\n`,
    });
    expect(lines(file)).toHaveLength(200);
    const toStdout = await podgate(env, 'audit', 'export');
    expect(toStdout).toMatchObject({ code: 1, stderr: 'podgate: export incomplete: 200 of 500 events written to stdout\n' });
    expect(toStdout.stdout.split('\n').filter(Boolean)).toHaveLength(200);
  });
});

/** An output that accepts nothing until released, then counts the lines it gets. */
class StuckWritable extends Writable {
  lines = 0;
  private held: (() => void)[] = [];
  private released = false;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) this.lines += 1;
    if (this.released) callback();
    else this.held.push(callback);
  }

  release(): void {
    this.released = true;
    for (const callback of this.held.splice(0)) callback();
  }
}

/** Resolves once `progress` has not moved for half a second. */
async function producerStalls(progress: () => number): Promise<void> {
  let last = -1;
  let still = 0;
  while (still < 5) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = progress();
    still = now === last && now > 0 ? still + 1 : 0;
    last = now;
  }
}
