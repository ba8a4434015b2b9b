import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { PodgateConfig } from '@podgate/config';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import type { SqlClient } from '@podgate/sql';
import { ProjectionSupervisor } from '../../projection-supervisor';
import { PODGATE_CONFIG, READ_MODEL_SQL } from '../runtime.tokens';

const CHECK_TIMEOUT_MS = 3000;

/** Each check answers within CHECK_TIMEOUT_MS, so a hung dependency gives a 503, not a hung probe. */
@Injectable()
export class StoresHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_SQL) private readonly readModel: SqlClient,
    @Inject(PODGATE_CONFIG) private readonly config: PodgateConfig,
    private readonly projections: ProjectionSupervisor,
  ) {}

  async eventStoreReachable() {
    const check = this.indicators.check('eventStore');
    const problem = await failure(() => this.eventStore.ping());
    return problem
      ? check.down({ adapter: this.eventStore.adapter, message: problem })
      : check.up({ adapter: this.eventStore.adapter });
  }

  async readModelReachable() {
    const check = this.indicators.check('readModel');
    const problem = await failure(() => this.readModel.query('SELECT 1'));
    return problem ? check.down({ kind: this.readModel.kind, message: problem }) : check.up({ kind: this.readModel.kind });
  }

  /** Lag is reported by /healthz and judged by /readyz (`enforce`): ready = caught up to within the limit. */
  async projectionLag(enforce: boolean) {
    const check = this.indicators.check('projections');
    let lag;
    try {
      lag = await withTimeout(this.projections.lag());
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
    const limit = this.config.readyMaxLagSeconds;
    const report = { running: this.projections.isRunning, maxLagSeconds: limit, lag };
    const behind = lag.some((l) => l.secondsBehind > limit || l.state === 'retrying');
    return enforce && behind ? check.down(report) : check.up(report);
  }
}

async function failure(probe: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await withTimeout(probe());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
