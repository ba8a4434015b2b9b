import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type Clock, metadataFor, type RequestContext } from '@podgate/kernel';
import { KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { PodPoller, type PollVerdict, TOKEN_REFUSED } from '@podgate/routed-resources';
import { serverProvisioningStream } from '../../domain/server.stream';
import { ServerRoutes } from '../../location/server-routes';
import { foldServerStreams } from '../server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { recordServersCreated } from './record-servers-created';
import { findTaggedServers, TaggedServersNotListedError } from './tagged-servers';

/** A create whose POST may have reached the pod while its outcome is not recorded. */
export interface ProvisioningToConfirm {
  readonly provisioningId: string;
  readonly pod: PodView;
  /** The tenant the server is for. */
  readonly projectId: string;
  /** The requested server name (a multi-create's names start with it). */
  readonly name: string;
  /** SECURITY: the caller's token, held in memory for the confirmation only, used when podgate has none of its own. */
  readonly callerToken: string;
  readonly globalRequestId?: string;
  /** The create request's context: the adoption is caused by it. */
  readonly context: RequestContext;
}

interface Watched extends ProvisioningToConfirm {
  useService: boolean;
}

/**
 * Adopts the servers of creates whose answer was lost: the POST reached the pod (or may have) but
 * podgate never recorded what it made, after a timeout or reset once sent, a pod 5xx, a failed
 * record, or a failed look-up of a multi-create's servers. Without it such a server would run,
 * unreachable through podgate, until the same request id came again.
 *
 * Asks the pod for servers carrying the provisioning tag (findTaggedServers) with podgate's
 * service token and `all_tenants` when Keystone is configured, else (or when the pod refuses that
 * token) the caller's, and records RecordServerCreated with its route for what it finds: the
 * decider takes an adoption after a recorded failure, and a repeat is a no-op. Nothing found
 * within the bound: the failure recorded by the handler stands, and the log says so.
 *
 * Bounded (PodPoller): per pod at most provisionConfirmMaxPending creates (1,000), 2 requests in
 * flight, each asked after 1, 2, 4, ... 30 s for provisionConfirmTimeoutMs (10 min): at most 25
 * lists per create. In memory: a restart forgets what was watched.
 */
@Injectable()
export class ProvisioningConfirmer implements OnApplicationShutdown {
  private readonly logger = new Logger(ProvisioningConfirmer.name);
  private readonly clock: Clock;
  private readonly poller: PodPoller<Watched>;
  private readonly listTimeoutMs: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(ServerRoutes) private readonly routes: ServerRoutes,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    @Optional() @Inject(KEYSTONE_CLIENT) private readonly service?: Pick<KeystoneClient, 'serviceToken'> | null,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    const resolved = resolveServersWriteOptions(options);
    this.clock = resolved.clock;
    const { provisionConfirmIntervalMs: first, provisionConfirmTimeoutMs: timeout } = resolved;
    this.listTimeoutMs = Math.max(2000, Math.min(10_000, first * 5));
    this.poller = new PodPoller<Watched>(
      {
        firstIntervalMs: first,
        maxIntervalMs: Math.max(first, resolved.provisionConfirmMaxIntervalMs),
        timeoutMs: timeout,
        maxPendingPerPod: Math.max(1, resolved.provisionConfirmMaxPending),
        concurrency: 2,
      },
      {
        check: (watched, signal) => this.check(watched, signal),
        dropped: (watched, why) =>
          this.logger.warn(
            why === 'full'
              ? `more than ${resolved.provisionConfirmMaxPending} creates in doubt on pod ${watched.pod.name}: provisioning ${watched.provisioningId} no longer watched`
              : `no server of provisioning ${watched.provisioningId} on pod ${watched.pod.name} within ${timeout} ms; its recorded outcome stands`,
          ),
        failed: (watched, error) =>
          this.logger.error(`servers of provisioning ${watched.provisioningId} found, not recorded: ${String(error)}`),
      },
    );
  }

  watch(provisioning: ProvisioningToConfirm): void {
    if (this.poller.stopped) return;
    this.logger.warn(`create ${provisioning.provisioningId} on pod ${provisioning.pod.name} in doubt: watching for its servers`);
    this.poller.add(provisioning.pod.podId, provisioning.provisioningId, { ...provisioning, useService: Boolean(this.service) });
  }

  /** Creates being watched, on one pod or on all. */
  pending(podId?: string): number {
    return this.poller.pending(podId);
  }

  /** Resolves when every watch has ended (tests; shutdown). */
  settled(): Promise<void> {
    return this.poller.settled();
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  private async check(watched: Watched, signal: AbortSignal): Promise<PollVerdict> {
    const { provisioningId, pod, projectId } = watched;
    let serverIds: string[];
    try {
      const token = watched.useService && this.service ? await this.service.serviceToken() : watched.callerToken;
      const caller = { pod, projectId, token, globalRequestId: watched.globalRequestId };
      const options = { allTenants: watched.useService, signal, timeoutMs: this.listTimeoutMs };
      ({ serverIds } = await findTaggedServers(this.proxy, caller, watched.name, provisioningId, options));
    } catch (error) {
      if (watched.useService && error instanceof TaggedServersNotListedError && TOKEN_REFUSED.has(error.status)) {
        watched.useService = false;
        return 'now';
      }
      return 'later'; // unreachable, or a refusal that may pass: ask again later
    }
    if (serverIds.length === 0) return 'later';
    const { state } = await foldServerStreams(this.store, [serverProvisioningStream(provisioningId)]);
    const metadata = metadataFor(watched.context, this.clock.now());
    await recordServersCreated(this.store, this.routes, provisioningId, serverIds, state, metadata);
    this.logger.log(`adopted ${serverIds.length} server(s) of provisioning ${provisioningId} on pod ${pod.name}`);
    return 'done';
  }
}
