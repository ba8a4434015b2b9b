// Test helper (excluded from the build): what RuntimeModule and UpstreamModule provide globally in
// the gateway, over a pod test bed, so a slice's Nest module can be booted alone.
import { type DynamicModule, Module } from '@nestjs/common';
import { loadConfig, PODGATE_CONFIG } from '@podgate/config';
import { EVENT_STORE } from '@podgate/event-store';
import { KEYSTONE_CLIENT, PodProxy } from '@podgate/openstack';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { PodTestBed } from './pod-test-bed';

@Module({})
export class TestRuntimeModule {
  /** noauth: no Keystone client. */
  static with(bed: PodTestBed): DynamicModule {
    const providers = [
      { provide: EVENT_STORE, useValue: bed.store },
      { provide: READ_MODEL_SQL, useValue: bed.sql },
      { provide: PODGATE_CONFIG, useValue: loadConfig({}) },
      { provide: PodProxy, useValue: bed.proxy },
      { provide: KEYSTONE_CLIENT, useValue: null },
    ];
    return { module: TestRuntimeModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
