import { type ArgumentsHost, Catch, Controller, type ExceptionFilter, Get, HttpException, UseFilters } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { StoresHealth } from './stores.health';

/** Terminus' own 503 body (which check failed, and why) is the answer: keep it as it is. */
@Catch(HttpException)
class HealthReportFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    void host.switchToHttp().getResponse<FastifyReply>().status(exception.getStatus()).send(exception.getResponse());
  }
}

@Controller()
@UseFilters(HealthReportFilter)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly stores: StoresHealth,
  ) {}

  /** Alive, and its stores answer. Projection lag is shown, not judged. */
  @Get('healthz')
  @HealthCheck()
  healthz() {
    return this.health.check([
      () => this.stores.eventStoreReachable(),
      () => this.stores.readModelReachable(),
      () => this.stores.projectionLag(false),
    ]);
  }

  /** Ready to serve reads: also no projection further behind than PODGATE_READY_MAX_LAG_SECONDS. */
  @Get('readyz')
  @HealthCheck()
  readyz() {
    return this.health.check([
      () => this.stores.eventStoreReachable(),
      () => this.stores.readModelReachable(),
      () => this.stores.projectionLag(true),
    ]);
  }
}
