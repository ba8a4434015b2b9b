// The step machinery of the openstack CLI scenarios (compute, volume), shared by the simulated pods
// (test:system) and the real lab pods (test:openstack). Steps run in order and build on each other,
// so after the first failure the rest say so instead of failing on its consequences.
import type { CliResult } from './openstack-cli';

export type Json = Record<string, unknown>;
export type CliUserRole = 'member' | 'admin';

/** What every scenario needs: `openstack <args>` as the tenant's member or the admin, in pod `pod`'s images and networks. */
export interface CliRunner {
  cli(who: CliUserRole, args: readonly string[], pod?: number): Promise<CliResult>;
  /** Extra context for a failure (e.g. the last requests the pods saw). */
  describeFailure?(): string;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const STEP_TIMEOUT = 300_000;

export interface CliSteps {
  /** An ordered `it`: not run once an earlier step failed. */
  step(title: string, run: () => Promise<void>, timeout?: number): void;
  /** The command with `-f json`, parsed; a non-zero exit fails with its stderr. */
  json<T = Json>(who: CliUserRole, args: readonly string[], pod?: number): Promise<T>;
  /** The command must exit 0. */
  ok(who: CliUserRole, args: readonly string[], pod?: number): Promise<void>;
  /** The command must fail; answers what it printed. */
  refused(who: CliUserRole, args: readonly string[], pod?: number): Promise<CliResult>;
  /** `json(args)` again until `done` holds (each CLI call takes seconds, so no sleep); answers the last. */
  jsonUntil(who: CliUserRole, args: readonly string[], done: (shown: Json) => boolean, timeoutMs?: number): Promise<Json>;
}

export function cliSteps(target: () => CliRunner): CliSteps {
  const failure = (args: readonly string[], result: CliResult) =>
    `openstack ${args.join(' ')} failed (${result.code}): ${result.stderr}${target().describeFailure?.() ?? ''}`;

  async function json<T = Json>(who: CliUserRole, args: readonly string[], pod?: number): Promise<T> {
    const result = await target().cli(who, [...args, '-f', 'json'], pod);
    if (result.code !== 0) throw new Error(failure(args, result));
    return JSON.parse(result.stdout) as T;
  }

  let firstFailure: string | undefined;
  return {
    step: (title, run, timeout = STEP_TIMEOUT) =>
      it(
        title,
        async () => {
          if (firstFailure) throw new Error(`not run: an earlier step failed (${firstFailure})`);
          await run().catch((error: unknown) => {
            firstFailure = title;
            throw error;
          });
        },
        timeout,
      ),
    json,
    ok: async (who, args, pod) => {
      const result = await target().cli(who, args, pod);
      if (result.code !== 0) throw new Error(failure(args, result));
    },
    refused: async (who, args, pod) => {
      const result = await target().cli(who, args, pod);
      if (result.code === 0) throw new Error(`openstack ${args.join(' ')} succeeded, expected a refusal: ${result.stdout}`);
      return result;
    },
    jsonUntil: async (who, args, done, timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const shown = await json(who, args);
        if (done(shown) || Date.now() > deadline) return shown;
      }
    },
  };
}

/** Polls a check asked of a pod itself (cheap HTTP, unlike a CLI call). */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
