import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import { KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import { reconcilerFromSettings } from '@podgate/pod-sync';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { ChangeVolumeTypeHandler } from './commands/change-volume-type/change-volume-type.handler';
import { DefaultVolumeTypeSeeder } from './commands/default-volume-type.seeder';
import { DefineVolumeTypeHandler } from './commands/define-volume-type/define-volume-type.handler';
import { UpdateVolumeTypeHandler } from './commands/update-volume-type/update-volume-type.handler';
import { VolumeTypeWriter } from './commands/volume-type-writer';
import { FindVolumeTypeHandler, ListVolumeTypesHandler } from './queries/volume-types-query.handlers';
import { VolumeTypePodPusher } from './sync/volume-type-pod-pusher';
import { VolumeTypeReconciler } from './sync/volume-type-reconciler';

const reconcilerFor = (
  sql: SqlClient,
  writer: VolumeTypeWriter,
  proxy: PodProxy,
  keystone: KeystoneClient | null,
  config: PodgateConfig,
) =>
  reconcilerFromSettings(
    keystone,
    config,
    (credentials, options) => new VolumeTypePodPusher(proxy, credentials, options),
    (pusher, options) => new VolumeTypeReconciler(sql, writer, pusher, options),
  );

/**
 * The volume types slice: define/update/delete, extra specs and access commands, find/list queries,
 * the default type's seeder, and the reconciler that pushes types to every pod's Cinder. Needs what
 * FlavorsModule needs: EVENT_STORE, READ_MODEL_SQL, PODGATE_CONFIG, PodProxy, KEYSTONE_CLIENT
 * (null = noauth, reconciler off) and the app's CqrsModule.forRoot().
 */
@Module({
  imports: [CqrsModule],
  providers: [
    VolumeTypeWriter,
    DefineVolumeTypeHandler,
    UpdateVolumeTypeHandler,
    ChangeVolumeTypeHandler,
    FindVolumeTypeHandler,
    ListVolumeTypesHandler,
    DefaultVolumeTypeSeeder,
    {
      provide: VolumeTypeReconciler,
      useFactory: reconcilerFor,
      inject: [READ_MODEL_SQL, VolumeTypeWriter, PodProxy, KEYSTONE_CLIENT, PODGATE_CONFIG],
    },
  ],
  exports: [VolumeTypeWriter, VolumeTypeReconciler],
})
export class VolumeTypesModule {}
