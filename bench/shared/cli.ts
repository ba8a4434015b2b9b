import { InvalidArgumentError, Option } from 'commander';

/** Progress goes to stderr, so that stdout carries only results. */
export const log = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

export const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const positive = (value: string): number => {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('must be a positive number');
  return n;
};

export const list = (value: string): string[] => value.split(',').map((item) => item.trim());

/** `--database-url`, defaulting to DATABASE_URL (run.sh sets it to the system tests' server). */
export const databaseUrlOption = (description: string): Option =>
  new Option('--database-url <url>', description).default(process.env.DATABASE_URL);

/** `--out`: where `<name>.json` and `<name>.md` go. */
export const outOption = (name: string): Option =>
  new Option('--out <dir>', `where ${name}.json and ${name}.md go`).default('bench/results');

export const waitForLoadOption = (): Option =>
  new Option('--wait-for-load <n>', 'first wait (up to 10 min) until the 1-minute load average is at most n').argParser(positive);

/** Runs a benchmark's main; a failure is logged with its stack and sets a non-zero exit code. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
