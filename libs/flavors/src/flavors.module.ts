import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import { KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { reconcilerFromSettings } from '@podgate/pod-sync';
import type { SqlClient } from '@podgate/sql';
import { AddFlavorAccessHandler } from './commands/add-flavor-access/add-flavor-access.handler';
import { DefineFlavorHandler } from './commands/define-flavor/define-flavor.handler';
import { DeleteFlavorHandler } from './commands/delete-flavor/delete-flavor.handler';
import { DeleteFlavorExtraSpecHandler } from './commands/delete-flavor-extra-spec/delete-flavor-extra-spec.handler';
import { FlavorWriter } from './commands/flavor-writer';
import { RemoveFlavorAccessHandler } from './commands/remove-flavor-access/remove-flavor-access.handler';
import { SetFlavorExtraSpecsHandler } from './commands/set-flavor-extra-specs/set-flavor-extra-specs.handler';
import { UpdateFlavorDescriptionHandler } from './commands/update-flavor-description/update-flavor-description.handler';
import { FindFlavorHandler, ListFlavorsHandler } from './queries/flavors/flavors-query.handlers';
import { FlavorPodPusher } from './sync/flavor-pod-pusher';
import { FlavorReconciler } from './sync/flavor-reconciler';

const reconcilerFor = (
  sql: SqlClient,
  writer: FlavorWriter,
  proxy: PodProxy,
  keystone: KeystoneClient | null,
  config: PodgateConfig,
) =>
  reconcilerFromSettings(
    keystone,
    config,
    (credentials, options) => new FlavorPodPusher(proxy, credentials, options),
    (pusher, options) => new FlavorReconciler(sql, writer, pusher, options),
  );

/**
 * The flavors slice: define/delete/describe, extra specs and access commands, find/list queries,
 * and the reconciler that pushes flavors to pods. Needs EVENT_STORE, READ_MODEL_SQL and
 * PODGATE_CONFIG (RuntimeModule), PodProxy and KEYSTONE_CLIENT (the gateway's global
 * UpstreamModule; KEYSTONE_CLIENT null = noauth, reconciler off), and the app's CqrsModule.forRoot().
 */
@Module({
  imports: [CqrsModule],
  providers: [
    FlavorWriter,
    DefineFlavorHandler,
    DeleteFlavorHandler,
    UpdateFlavorDescriptionHandler,
    SetFlavorExtraSpecsHandler,
    DeleteFlavorExtraSpecHandler,
    AddFlavorAccessHandler,
    RemoveFlavorAccessHandler,
    FindFlavorHandler,
    ListFlavorsHandler,
    {
      provide: FlavorReconciler,
      useFactory: reconcilerFor,
      inject: [READ_MODEL_SQL, FlavorWriter, PodProxy, KEYSTONE_CLIENT, PODGATE_CONFIG],
    },
  ],
  exports: [FlavorWriter, FlavorReconciler],
})
export class FlavorsModule {}
