import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { KEYSTONE_CLIENT, type KeystoneClient } from '@podgate/openstack';
import type { SqlClient } from '@podgate/sql';
import { DeregisterPodHandler } from './commands/deregister-pod/deregister-pod.handler';
import { PodWriter } from './commands/pod-writer';
import { RegisterPodHandler } from './commands/register-pod/register-pod.handler';
import { ReportPodUsageHandler } from './commands/report-pod-usage/report-pod-usage.handler';
import { UpdatePodHandler } from './commands/update-pod/update-pod.handler';
import { FindPodHandler, ListPodsHandler } from './queries/pods/pods-query.handlers';
import { KeystonePodCapacityReader } from './usage/keystone-pod-capacity-reader';
import { POD_CAPACITY_READER, type PodCapacityReader } from './usage/pod-capacity-reader.port';
import { UsageCollector } from './usage/usage-collector';

/**
 * Pod capacity is read with podgate's service credentials, which only the Keystone strategy has:
 * the app's one KeystoneClient (KEYSTONE_CLIENT, null in noauth mode), so the service token and
 * catalog are shared with authentication and forwarding.
 */
function capacityReaderFor(keystone: KeystoneClient | null | undefined): PodCapacityReader | null {
  return keystone ? new KeystonePodCapacityReader(keystone) : null;
}

/**
 * The pods slice: register/update/deregister and usage commands, find/list queries, the usage
 * collector. Needs EVENT_STORE, READ_MODEL_SQL and PODGATE_CONFIG (RuntimeModule, global), the app's
 * CqrsModule.forRoot(), KEYSTONE_CLIENT (the gateway's UpstreamModule; absent = no collector), and POD_USE_COUNTER visible here (the bindings lib provides it globally).
 */
@Module({
  imports: [CqrsModule],
  providers: [
    PodWriter,
    RegisterPodHandler,
    UpdatePodHandler,
    DeregisterPodHandler,
    ReportPodUsageHandler,
    FindPodHandler,
    ListPodsHandler,
    {
      provide: POD_CAPACITY_READER,
      useFactory: capacityReaderFor,
      inject: [{ token: KEYSTONE_CLIENT, optional: true }],
    },
    {
      provide: UsageCollector,
      useFactory: (sql: SqlClient, report: ReportPodUsageHandler, reader: PodCapacityReader | null, config: PodgateConfig) =>
        new UsageCollector(sql, report, reader, { intervalMs: config.scheduling.usagePollSeconds * 1000 }),
      inject: [READ_MODEL_SQL, ReportPodUsageHandler, POD_CAPACITY_READER, PODGATE_CONFIG],
    },
  ],
  exports: [PodWriter, UsageCollector, POD_CAPACITY_READER],
})
export class PodsModule {}
