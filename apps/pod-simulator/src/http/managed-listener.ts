// A listener that can be taken down (connection refused, in-flight requests cut) and brought back
// on the same port, rebuilding its Fastify app each time. State lives outside, so it survives.
import type { FastifyInstance } from 'fastify';

export class ManagedListener {
  private app: FastifyInstance | undefined;
  private upTimer: NodeJS.Timeout | undefined;
  private transition: Promise<void> = Promise.resolve();

  constructor(
    private readonly build: () => Promise<FastifyInstance>,
    private readonly host: string,
    private port: number,
  ) {}

  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  isUp(): boolean {
    return this.app !== undefined;
  }

  /** Starts listening; the first start with port 0 fixes the port for every later restart. */
  up(): Promise<void> {
    return this.serialize(async () => {
      this.clearTimer();
      if (this.app) return;
      const app = await this.build();
      await app.listen({ host: this.host, port: this.port });
      const address = app.server.address();
      if (address && typeof address === 'object') this.port = address.port;
      this.app = app;
    });
  }

  down(forMs?: number): Promise<void> {
    return this.serialize(async () => {
      this.clearTimer();
      const app = this.app;
      this.app = undefined;
      if (app) await app.close();
      if (forMs !== undefined && forMs > 0) {
        this.upTimer = setTimeout(() => void this.up(), forMs);
      }
    });
  }

  /** Ups and downs never interleave, whatever order the control API calls them in. */
  private serialize(step: () => Promise<void>): Promise<void> {
    const next = this.transition.then(step, step);
    this.transition = next.catch(() => undefined);
    return next;
  }

  private clearTimer(): void {
    if (this.upTimer) clearTimeout(this.upTimer);
    this.upTimer = undefined;
  }
}
