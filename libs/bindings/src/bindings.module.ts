import { Global, Module } from '@nestjs/common';
import { POD_USE_COUNTER } from '@podgate/pods';
import { BindingWriter } from './commands/binding-writer';
import { EndBindingHandler } from './commands/end-binding/end-binding.handler';
import { PinTenantHandler } from './commands/pin-tenant/pin-tenant.handler';
import { SelectPodHandler } from './commands/select-pod/select-pod.handler';
import { BindingsPodUseCounter } from './pod-use/bindings-pod-use-counter';
import { FindBindingHandler, ListBindingsHandler } from './queries/bindings/bindings-query.handlers';

/**
 * The bindings slice for Nest: its command and query handlers (run through @nestjs/cqrs's buses,
 * which the app sets up with CqrsModule.forRoot()) and the PodUseCounter PodsModule asks before
 * deregistering a pod. Global, because pods may not import bindings (bindings imports pods), so
 * PodsModule cannot import this module to see POD_USE_COUNTER. Injects EVENT_STORE, READ_MODEL_SQL
 * and PODGATE_CONFIG from the runtime; BINDINGS_WRITE_OPTIONS (clock, read-your-writes wait) is optional.
 */
@Global()
@Module({
  providers: [
    BindingWriter,
    SelectPodHandler,
    PinTenantHandler,
    EndBindingHandler,
    FindBindingHandler,
    ListBindingsHandler,
    { provide: POD_USE_COUNTER, useClass: BindingsPodUseCounter },
  ],
  exports: [POD_USE_COUNTER, SelectPodHandler],
})
export class BindingsModule {}
