import type { LoggerService } from '@nestjs/common';
import type { ForwardedResponse, ForwardService, KeystoneClient, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { isItemNotFound } from './item-not-found';
import { PodPoller, type PollVerdict } from './pod-poller';
import { PolledWatch } from './polled-watch';
import type { ResolvedRoutedWriteOptions } from './routed-write.options';
import { TOKEN_REFUSED } from './token-refused';

/** A resource whose delete its pod accepted. */
export interface DeletionToWatch {
  /** The resource's id (= the pod's), the watch's key. */
  readonly id: string;
  readonly pod: PodView;
  /** The caller's project, for a `%(project_id)s` in the pod's endpoint. */
  readonly projectId: string;
  /** SECURITY: the caller's token, held in memory for the confirmation only, used when podgate has none of its own. */
  readonly callerToken: string;
}

export interface DeletionWatchSettings<T extends DeletionToWatch> {
  /** What is deleted, for log lines ("server", "volume"). */
  readonly noun: (item: T) => string;
  readonly service: ForwardService;
  /** The GET that answers the API's 404 once the resource is gone (`/servers/<id>`). */
  readonly pathOf: (item: T) => string;
  /** Records the resource gone (and unrouted): the pod answered its own 404 for it. */
  readonly recordGone: (item: T) => Promise<void>;
}

interface Watched<T> {
  readonly item: T;
  useService: boolean;
}

/**
 * Nova and Cinder delete asynchronously (202/204 first, the resource goes later), so the route
 * stays until the pod answers the API's own 404 for it (isItemNotFound): then `recordGone`. Asked
 * with podgate's service token when it has one (a user's token may expire meanwhile), else, or when
 * the pod refuses the service token (an endpoint bound to the user's project), the caller's. A 404
 * to the service token is asked again with the caller's before anything is recorded: a
 * project-only filter hides another project's resource from a service token without the admin role.
 *
 * Bounded (PodPoller): per pod at most deleteConfirmMaxPending resources watched (default 1,000; the
 * oldest is dropped first) and 4 requests in flight; each asked after 1, 2, 4, 8, 15, 15, ... s
 * (deleteConfirmIntervalMs doubling up to deleteConfirmMaxIntervalMs) for deleteConfirmTimeoutMs
 * (2 min): at most 11 requests per deletion. Not durable: a restart forgets what was watched, and a
 * resource never confirmed keeps its route until a show sees the pod's 404.
 * Each slice extends it as its Nest provider, naming what to ask and what to record.
 */
export class DeletionWatch<T extends DeletionToWatch> extends PolledWatch<Watched<T>> {
  protected readonly poller: PodPoller<Watched<T>>;

  constructor(
    private readonly proxy: Pick<PodProxy, 'forward'>,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    private readonly service: Pick<KeystoneClient, 'serviceToken'> | null | undefined,
    private readonly options: ResolvedRoutedWriteOptions,
    private readonly settings: DeletionWatchSettings<T>,
    logger: Pick<LoggerService, 'warn' | 'error'>,
  ) {
    super();
    const { deleteConfirmIntervalMs: first, deleteConfirmTimeoutMs: timeout, deleteConfirmMaxPending: max } = options;
    const name = ({ item }: Watched<T>) => `${settings.noun(item)} ${item.id}`;
    this.poller = new PodPoller<Watched<T>>(
      {
        firstIntervalMs: first,
        maxIntervalMs: Math.max(first, options.deleteConfirmMaxIntervalMs),
        timeoutMs: timeout,
        maxPendingPerPod: Math.max(1, max),
        concurrency: 4,
      },
      {
        check: (watched, signal) => this.check(watched, signal),
        dropped: (watched, why) =>
          logger.warn(
            why === 'full'
              ? `more than ${max} deletions pending on pod ${watched.item.pod.name}: ${name(watched)} no longer watched; route kept`
              : `${name(watched)} still on pod ${watched.item.pod.name} ${timeout} ms after its delete; route kept`,
          ),
        failed: (watched, error) => logger.error(`deletion of ${name(watched)} not recorded: ${String(error)}`),
      },
    );
  }

  watch(item: T): void {
    this.poller.add(item.pod.podId, item.id, { item, useService: Boolean(this.service) });
  }

  private async check(watched: Watched<T>, signal: AbortSignal): Promise<PollVerdict> {
    const answer = await this.ask(watched, signal).catch(() => undefined); // unreachable: ask again later
    if (!answer) return 'later';
    if (isItemNotFound(answer.status, answer.body)) {
      if (watched.useService) {
        watched.useService = false; // gone, or hidden from the service token: the caller's token tells
        return 'now';
      }
      await this.settings.recordGone(watched.item);
      return 'done';
    }
    if (watched.useService && TOKEN_REFUSED.has(answer.status)) {
      watched.useService = false;
      return 'now';
    }
    return 'later';
  }

  private async ask({ item, useService }: Watched<T>, signal: AbortSignal): Promise<ForwardedResponse> {
    const token = useService && this.service ? await this.service.serviceToken() : item.callerToken;
    return this.proxy.forward({
      pod: item.pod,
      service: this.settings.service,
      projectId: item.projectId,
      method: 'GET',
      path: this.settings.pathOf(item),
      token,
      timeoutMs: Math.max(1000, Math.min(10_000, this.options.deleteConfirmIntervalMs * 5)),
      signal,
    });
  }
}
