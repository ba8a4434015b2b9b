// The demo's podgate gateway: the real gateway (not part of the simulator), started as a child
// process on its default address and embedded store, exactly as `npm start` runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface DemoGateway {
  readonly url: string;
  stop(): Promise<void>;
}

const GATEWAY_MAIN = join(__dirname, '..', '..', 'gateway', 'src', 'main.js');

export async function startDemoGateway(env: NodeJS.ProcessEnv = process.env, timeoutMs = 60_000): Promise<DemoGateway> {
  const host = env.PODGATE_HOST ?? '127.0.0.1';
  const url = `http://${host}:${env.PODGATE_PORT ?? '19999'}`;
  const child = spawn(process.execPath, [GATEWAY_MAIN], {
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await Promise.race([exited.then((code) => ({ code })), healthy(url).then((ok) => ({ ok }))]);
    if ('code' in outcome) throw new Error(`the gateway exited with code ${outcome.code} (see its message above)`);
    if (outcome.ok) return { url, stop: () => stopChild(child, exited) };
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`the gateway did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await exited;
}
