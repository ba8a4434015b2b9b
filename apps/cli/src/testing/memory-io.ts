// Test helper: runs the real `podgate` program in-process with captured output and a given environment.
import { Writable } from 'node:stream';
import { runCli } from '../cli';
import type { CliIo } from '../cli-io';

export interface CapturedStream extends Writable {
  isTTY?: boolean;
  columns?: number;
  text(): string;
}

export function capture(options: { isTTY?: boolean } = {}): CapturedStream {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  }) as CapturedStream;
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  if (options.isTTY) Object.assign(stream, { isTTY: true, columns: 100 });
  return stream;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON (for `-f json`). */
  json<T = unknown>(): T;
}

/** `podgate <args>` with exactly `env` as its environment (nothing from the test process leaks in). */
export async function podgate(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  return podgateWith({ stdout: capture(), stderr: capture(), env }, ...args);
}

export async function podgateWith(
  io: CliIo & { stdout: CapturedStream; stderr: CapturedStream },
  ...args: string[]
): Promise<CliRun> {
  const code = await runCli(args, io);
  const stdout = io.stdout.text();
  return { code, stdout, stderr: io.stderr.text(), json: <T>() => JSON.parse(stdout) as T };
}
