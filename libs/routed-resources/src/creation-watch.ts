import type { LoggerService } from '@nestjs/common';
import type { KeystoneClient } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { PodPoller, type PollVerdict } from './pod-poller';
import { PolledWatch } from './polled-watch';
import type { ResolvedRoutedWriteOptions } from './routed-write.options';
import { TOKEN_REFUSED } from './token-refused';

/** A create whose POST may have reached the pod while its outcome is not recorded. */
export interface CreationToWatch {
  /** The create's provisioning id: the watch's key, and the tag the pod's resource carries. */
  readonly provisioningId: string;
  readonly pod: PodView;
  /** The tenant the resource is for (and a `%(project_id)s` in the pod's endpoint). */
  readonly projectId: string;
  /** SECURITY: the caller's token, held in memory for the confirmation only, used when podgate has none of its own. */
  readonly callerToken: string;
  readonly globalRequestId?: string;
}

/** Who asks the pod for tagged resources, and how. */
export interface TaggedLookup {
  readonly token: string;
  /**
   * Ask across tenants, filtered to the tenant's project: for podgate's service token, which sees
   * the tenant's resources only so (the pod answers 403 when the token lacks the admin role).
   */
  readonly allTenants: boolean;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

/** The pod refused the list of tagged resources: "none found" must mean the pod said so. */
export class TaggedResourcesNotListedError extends Error {
  constructor(readonly status: number) {
    super(`the pod answered HTTP ${status} to the list of tagged resources`);
  }
}

export interface CreationWatchSettings<T extends CreationToWatch> {
  /** What is created, for log lines ("server", "volume"). */
  readonly noun: (item: T) => string;
  /** The ids of the resources on the pod carrying the item's tag (TaggedResourcesNotListedError when refused). */
  readonly find: (item: T, lookup: TaggedLookup) => Promise<readonly string[]>;
  /** Records them created and routed (adopted): a no-op when already recorded. */
  readonly record: (item: T, ids: readonly string[]) => Promise<void>;
  /**
   * The pod answers a service token without the admin role with its own (empty) list rather than a
   * refusal (Cinder drops `all_tenants` silently; Nova answers 403): then "none found" with the
   * service token is asked again with the caller's in the same round.
   */
  readonly serviceMaySeeNone?: boolean;
}

interface Watched<T> {
  readonly item: T;
  useService: boolean;
}

/**
 * Adopts what creates whose answer was lost made: the POST reached the pod (or may have) but podgate
 * never recorded what it made, after a timeout or reset once sent, a pod 5xx, or a failed record.
 * Without it such a resource would live on, unreachable through podgate, until the same request id
 * came again. The pod is asked for resources carrying the create's provisioning tag with podgate's
 * service token across tenants when Keystone is configured, else (or when the pod refuses that
 * token) the caller's; what it finds is recorded (the deciders take an adoption after a recorded
 * failure). Nothing found within the bound: the failure recorded by the handler stands, and the log
 * says so.
 *
 * Bounded (PodPoller): per pod at most provisionConfirmMaxPending creates (1,000), 2 requests in
 * flight, each asked after 1, 2, 4, ... 30 s for provisionConfirmTimeoutMs (10 min): at most 25
 * lists per create. In memory: a restart forgets what was watched.
 * Each slice extends it as its Nest provider, saying how to find and how to record.
 */
export class CreationWatch<T extends CreationToWatch> extends PolledWatch<Watched<T>> {
  protected readonly poller: PodPoller<Watched<T>>;
  private readonly listTimeoutMs: number;

  constructor(
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    private readonly service: Pick<KeystoneClient, 'serviceToken'> | null | undefined,
    options: ResolvedRoutedWriteOptions,
    private readonly settings: CreationWatchSettings<T>,
    private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>,
  ) {
    super();
    const { provisionConfirmIntervalMs: first, provisionConfirmTimeoutMs: timeout, provisionConfirmMaxPending: max } = options;
    this.listTimeoutMs = Math.max(2000, Math.min(10_000, first * 5));
    const name = ({ item }: Watched<T>) => `${settings.noun(item)} of provisioning ${item.provisioningId}`;
    this.poller = new PodPoller<Watched<T>>(
      {
        firstIntervalMs: first,
        maxIntervalMs: Math.max(first, options.provisionConfirmMaxIntervalMs),
        timeoutMs: timeout,
        maxPendingPerPod: Math.max(1, max),
        concurrency: 2,
      },
      {
        check: (watched, signal) => this.check(watched, signal),
        dropped: (watched, why) =>
          logger.warn(
            why === 'full'
              ? `more than ${max} creates in doubt on pod ${watched.item.pod.name}: provisioning ${watched.item.provisioningId} no longer watched`
              : `no ${name(watched)} on pod ${watched.item.pod.name} within ${timeout} ms; its recorded outcome stands`,
          ),
        failed: (watched, error) => logger.error(`${name(watched)} found, not recorded: ${String(error)}`),
      },
    );
  }

  watch(item: T): void {
    if (this.poller.stopped) return;
    this.logger.warn(
      `${this.settings.noun(item)} create ${item.provisioningId} on pod ${item.pod.name} in doubt: watching for what it made`,
    );
    this.poller.add(item.pod.podId, item.provisioningId, { item, useService: Boolean(this.service) });
  }

  private async check(watched: Watched<T>, signal: AbortSignal): Promise<PollVerdict> {
    const { item } = watched;
    let ids: readonly string[];
    try {
      const token = watched.useService && this.service ? await this.service.serviceToken() : item.callerToken;
      ids = await this.settings.find(item, { token, allTenants: watched.useService, signal, timeoutMs: this.listTimeoutMs });
    } catch (error) {
      if (watched.useService && error instanceof TaggedResourcesNotListedError && TOKEN_REFUSED.has(error.status)) {
        watched.useService = false;
        return 'now';
      }
      return 'later'; // unreachable, or a refusal that may pass: ask again later
    }
    if (ids.length === 0 && watched.useService && this.settings.serviceMaySeeNone) {
      const lookup = { token: item.callerToken, allTenants: false, signal, timeoutMs: this.listTimeoutMs };
      ids = await this.settings.find(item, lookup).catch(() => []);
    }
    if (ids.length === 0) return 'later';
    await this.settings.record(item, ids);
    this.logger.log(
      `adopted ${ids.length} ${this.settings.noun(item)}(s) of provisioning ${item.provisioningId} on pod ${item.pod.name}`,
    );
    return 'done';
  }
}
