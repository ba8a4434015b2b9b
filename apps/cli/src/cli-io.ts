import type { Writable } from 'node:stream';

/** A terminal-like stream: `isTTY` decides colours and progress bars. */
export type OutputStream = Writable & { readonly isTTY?: boolean; readonly columns?: number };

/**
 * Where the CLI reads its environment and writes its output. Injected so tests run the real
 * commander program in-process, with their own streams and environment.
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
