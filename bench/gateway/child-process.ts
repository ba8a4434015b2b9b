import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

/** A process the benchmark started; only it is ever signalled (by its own pid). */
export interface StartedProcess {
  readonly pid: number;
  /** The last few kilobytes of its stdout and stderr, for error messages. */
  tail(): string;
  hasExited(): boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Everything the process writes goes here as well. */
  readonly logFile: string;
  readonly cwd?: string;
}

const TAIL_BYTES = 4096;

export function startProcess(command: string, args: readonly string[], options: StartOptions): StartedProcess {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile);
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  return {
    pid: child.pid,
    tail: () => tail,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
    stop: (signal = 'SIGTERM') => stopChild(child, exited, signal).finally(() => log.end()),
  };
}

/** Signals the child, waits up to 10 s, then kills it. */
async function stopChild(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls `check` every 100 ms until it answers true; fails with the process's output after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  started: StartedProcess | undefined,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (started?.hasExited()) throw new Error(`${what} exited while starting; its output ends with:\n${started.tail()}`);
    if (Date.now() > deadline)
      throw new Error(
        `${what} not ready after ${timeoutMs / 1000} s${started ? `; its output ends with:\n${started.tail()}` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port nothing listens on right now (for the listeners that need a fixed one: nginx, the gateway). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
