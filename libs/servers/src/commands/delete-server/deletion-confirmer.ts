import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { RecordServerGoneCommand } from '../record-server-gone/record-server-gone.command';
import { RecordServerGoneHandler } from '../record-server-gone/record-server-gone.handler';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';

export interface DeletionToConfirm {
  readonly serverId: string;
  readonly pod: PodView;
  /** The caller's project, for a `%(project_id)s` in the pod's endpoint. */
  readonly projectId: string;
  /** SECURITY: the caller's token, held in memory for the confirmation only, used when podgate has none of its own. */
  readonly callerToken: string;
  /** The delete request's context: ServerDeleted is caused by it. */
  readonly context: RequestContext;
}

/** Statuses that say "not with this token" rather than anything about the server. */
const TOKEN_REFUSED = new Set([400, 401, 403]);

/**
 * Nova deletes asynchronously (204 first, the server goes later), so the route stays until the pod
 * answers 404 for the server: then RecordServerGone. Asked every interval up to a deadline, with
 * podgate's service token when it has one (a user's token may expire meanwhile), else, or when the
 * pod refuses the service token (an endpoint bound to the user's project), the caller's.
 * Not durable: a restart forgets what was being watched, and a server never confirmed keeps its
 * route until something sees the pod's 404 (RecordServerGone) or the reconciler does.
 * Timers never keep the process alive, and shutdown stops every watch.
 */
@Injectable()
export class DeletionConfirmer implements OnApplicationShutdown {
  private readonly logger = new Logger(DeletionConfirmer.name);
  private readonly options: ReturnType<typeof resolveServersWriteOptions>;
  private readonly stop = new AbortController();
  private readonly watches = new Set<Promise<void>>();

  constructor(
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(RecordServerGoneHandler) private readonly gone: Pick<RecordServerGoneHandler, 'execute'>,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    @Optional() @Inject(KEYSTONE_CLIENT) private readonly service?: Pick<KeystoneClient, 'serviceToken'> | null,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    this.options = resolveServersWriteOptions(options);
  }

  watch(deletion: DeletionToConfirm): void {
    if (this.stop.signal.aborted) return;
    const watch = this.confirm(deletion)
      .catch((error: unknown) => this.logger.error(`deletion of server ${deletion.serverId} not recorded: ${String(error)}`))
      .finally(() => this.watches.delete(watch));
    this.watches.add(watch);
  }

  /** Resolves when every watch has ended (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.watches.size > 0) await Promise.all([...this.watches]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.settled();
  }

  private async confirm(deletion: DeletionToConfirm): Promise<void> {
    const { deleteConfirmIntervalMs: interval, deleteConfirmTimeoutMs: timeout } = this.options;
    const deadline = Date.now() + timeout;
    let useService = Boolean(this.service);
    while (Date.now() < deadline) {
      if (!(await sleep(interval, this.stop.signal))) return;
      const answer = await this.ask(deletion, useService).catch(() => undefined); // unreachable: ask again later
      if (this.stop.signal.aborted) return;
      if (answer?.status === 404) {
        await this.gone.execute(new RecordServerGoneCommand(deletion.serverId, deletion.context));
        return;
      }
      if (answer && useService && TOKEN_REFUSED.has(answer.status)) useService = false;
    }
    this.logger.warn(`server ${deletion.serverId} still on pod ${deletion.pod.name} ${timeout} ms after its delete; route kept`);
  }

  private async ask(deletion: DeletionToConfirm, useService: boolean): Promise<ForwardedResponse> {
    const token = useService && this.service ? await this.service.serviceToken() : deletion.callerToken;
    return this.proxy.forward({
      pod: deletion.pod,
      service: 'compute',
      projectId: deletion.projectId,
      method: 'GET',
      path: `/servers/${encodeURIComponent(deletion.serverId)}`,
      token,
      timeoutMs: Math.max(1000, Math.min(10_000, this.options.deleteConfirmIntervalMs * 5)),
      signal: this.stop.signal,
    });
  }
}

/** False when aborted. The timer is unref'd: a pending confirmation never holds the process (or jest) open. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    timer.unref();
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
