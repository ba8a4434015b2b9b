import type { SqlClient } from '@podgate/sql';
import { elapsedMs, type LatencySummary, summarize } from '../shared/latency';

/**
 * What one statement costs before the event store does anything: a round trip (`SELECT 1`) and a
 * one-row INSERT committing on its own (round trip + WAL flush). An append cannot be faster than
 * the second; the gap between it and the append's latency is es_append's own work.
 */
export interface CommitFloor {
  readonly roundTripMs: LatencySummary;
  readonly oneRowCommitMs: LatencySummary;
}

export async function measureCommitFloor(sql: SqlClient, seconds: number): Promise<CommitFloor> {
  await sql.query(
    'CREATE TABLE IF NOT EXISTS bench_commit_probe (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())',
  );
  try {
    return {
      roundTripMs: await timeFor(seconds, () => sql.query('SELECT 1')),
      oneRowCommitMs: await timeFor(seconds, () => sql.query('INSERT INTO bench_commit_probe DEFAULT VALUES')),
    };
  } finally {
    await sql.query('DROP TABLE bench_commit_probe');
  }
}

async function timeFor(seconds: number, statement: () => Promise<unknown>): Promise<LatencySummary> {
  const samples: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const started = process.hrtime.bigint();
    await statement();
    samples.push(elapsedMs(started));
  }
  return summarize(samples.slice(Math.min(20, samples.length >> 1))); // the first few warm the plan
}
