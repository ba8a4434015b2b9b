import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { PodgateConfig } from '@podgate/config';
import { KEYSTONE_CLIENT, KeystoneClient, PodProxy } from '@podgate/openstack';
import type { Logger } from 'pino';

/** Idle keep-alive sockets to pods would hold the process open after the app closes. */
@Injectable()
class PodProxyLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PodProxy) private readonly proxy: PodProxy) {}

  onApplicationShutdown(): void {
    this.proxy.close();
  }
}

/**
 * How the gateway reaches the clouds behind it, for every module: `KEYSTONE_CLIENT` (the one
 * KeystoneClient, or null in noauth mode) and `PodProxy` (injected by class). One client means one
 * service session and one catalog cache for authentication, forwarding and background work alike.
 */
@Global()
@Module({})
export class UpstreamModule {
  static forRoot(config: PodgateConfig, logger: Logger): DynamicModule {
    const keystone =
      config.auth.strategy === 'keystone' ? new KeystoneClient(config.auth, logger.child({ component: 'keystone' })) : null;
    const proxy = new PodProxy({ timeoutMs: config.upstream.timeoutMs }, keystone ?? undefined);
    return {
      module: UpstreamModule,
      providers: [{ provide: KEYSTONE_CLIENT, useValue: keystone }, { provide: PodProxy, useValue: proxy }, PodProxyLifecycle],
      exports: [KEYSTONE_CLIENT, PodProxy],
    };
  }
}
