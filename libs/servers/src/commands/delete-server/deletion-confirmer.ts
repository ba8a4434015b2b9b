import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { isNovaServerGone } from '../../domain/nova-server-gone';
import { PodPoller, type PollVerdict } from '../pod-poller';
import { RecordServerGoneCommand } from '../record-server-gone/record-server-gone.command';
import { RecordServerGoneHandler } from '../record-server-gone/record-server-gone.handler';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { TOKEN_REFUSED } from '../token-refused';

export interface DeletionToConfirm {
  readonly serverId: string;
  readonly pod: PodView;
  /** The caller's project, for a `%(project_id)s` in the pod's endpoint. */
  readonly projectId: string;
  /** SECURITY: the caller's token, held in memory for the confirmation only, used when podgate has none of its own. */
  readonly callerToken: string;
  /** The delete request's context: ServerDeleted is caused by it. */
  readonly context: RequestContext;
  /** The delete request the pod accepted, which ServerDeleted names. */
  readonly deleteId?: string;
}

interface Watched extends DeletionToConfirm {
  useService: boolean;
}

/**
 * Nova deletes asynchronously (204 first, the server goes later), so the route stays until the pod
 * answers Nova's own 404 for the server (isNovaServerGone): then RecordServerGone. Asked with
 * podgate's service token when it has one (a user's token may expire meanwhile), else, or when the
 * pod refuses the service token (an endpoint bound to the user's project), the caller's. A 404 to
 * the service token is asked again with the caller's before anything is recorded: Nova's
 * project_only filter hides another project's server from a service token without the admin role.
 *
 * Bounded (PodPoller): per pod at most deleteConfirmMaxPending servers watched (default 1,000; the
 * oldest is dropped first) and 4 requests in flight; each server asked after 1, 2, 4, 8, 15, 15, ...
 * s (deleteConfirmIntervalMs doubling up to deleteConfirmMaxIntervalMs) for deleteConfirmTimeoutMs
 * (2 min): at most 11 requests per deletion. Not durable: a restart forgets what was watched, and a
 * server never confirmed keeps its route until a show sees the pod's 404 (RecordServerGone).
 */
@Injectable()
export class DeletionConfirmer implements OnApplicationShutdown {
  private readonly logger = new Logger(DeletionConfirmer.name);
  private readonly options: ReturnType<typeof resolveServersWriteOptions>;
  private readonly poller: PodPoller<Watched>;

  constructor(
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(RecordServerGoneHandler) private readonly gone: Pick<RecordServerGoneHandler, 'execute'>,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    @Optional() @Inject(KEYSTONE_CLIENT) private readonly service?: Pick<KeystoneClient, 'serviceToken'> | null,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    this.options = resolveServersWriteOptions(options);
    const { deleteConfirmIntervalMs: first, deleteConfirmTimeoutMs: timeout } = this.options;
    this.poller = new PodPoller<Watched>(
      {
        firstIntervalMs: first,
        maxIntervalMs: Math.max(first, this.options.deleteConfirmMaxIntervalMs),
        timeoutMs: timeout,
        maxPendingPerPod: Math.max(1, this.options.deleteConfirmMaxPending),
        concurrency: 4,
      },
      {
        check: (watched, signal) => this.check(watched, signal),
        dropped: (watched, why) =>
          this.logger.warn(
            why === 'full'
              ? `more than ${this.options.deleteConfirmMaxPending} deletions pending on pod ${watched.pod.name}: server ${watched.serverId} no longer watched; route kept`
              : `server ${watched.serverId} still on pod ${watched.pod.name} ${timeout} ms after its delete; route kept`,
          ),
        failed: (watched, error) => this.logger.error(`deletion of server ${watched.serverId} not recorded: ${String(error)}`),
      },
    );
  }

  watch(deletion: DeletionToConfirm): void {
    this.poller.add(deletion.pod.podId, deletion.serverId, { ...deletion, useService: Boolean(this.service) });
  }

  /** Deletions being watched, on one pod or on all. */
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
    const answer = await this.ask(watched, signal).catch(() => undefined); // unreachable: ask again later
    if (!answer) return 'later';
    if (isNovaServerGone(answer.status, answer.body)) {
      if (watched.useService) {
        watched.useService = false; // gone, or hidden from the service token: the caller's token tells
        return 'now';
      }
      await this.gone.execute(new RecordServerGoneCommand(watched.serverId, watched.context, watched.deleteId));
      return 'done';
    }
    if (watched.useService && TOKEN_REFUSED.has(answer.status)) {
      watched.useService = false;
      return 'now';
    }
    return 'later';
  }

  private async ask(watched: Watched, signal: AbortSignal): Promise<ForwardedResponse> {
    const token = watched.useService && this.service ? await this.service.serviceToken() : watched.callerToken;
    return this.proxy.forward({
      pod: watched.pod,
      service: 'compute',
      projectId: watched.projectId,
      method: 'GET',
      path: `/servers/${encodeURIComponent(watched.serverId)}`,
      token,
      timeoutMs: Math.max(1000, Math.min(10_000, this.options.deleteConfirmIntervalMs * 5)),
      signal,
    });
  }
}
