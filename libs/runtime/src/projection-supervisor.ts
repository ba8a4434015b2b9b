import type { EventStore, GlobalPosition } from '@podgate/event-store';
import { type Projection, type ProjectionLag, ProjectionRunner, type RunnerLogger } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';

/** Runs one ProjectionRunner per projection and answers for all of them. */
export class ProjectionSupervisor {
  private readonly runners: ProjectionRunner[];
  private running = false;

  constructor(store: EventStore, readModel: SqlClient, projections: readonly Projection[], logger?: RunnerLogger) {
    this.runners = projections.map((projection) => new ProjectionRunner(store, readModel, projection, { logger }));
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    this.running = true;
    for (const runner of this.runners) runner.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  lag(): Promise<ProjectionLag[]> {
    return Promise.all(this.runners.map((runner) => runner.lag()));
  }

  /** True once every projection has applied everything up to `position`. */
  async waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const results = await Promise.all(this.runners.map((runner) => runner.waitFor(position, timeoutMs)));
    return results.every(Boolean);
  }
}
