import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import { metadataFor, newId, type RequestContext } from '@podgate/kernel';
import { decideOnStream, EVENT_STORE, type EventStore } from '@podgate/event-store';
import { listAllPods, type PodView } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { bindingDecider } from '../../domain/binding.decider';
import { NoValidHostError } from '../../domain/binding.errors';
import type { BindingKey } from '../../domain/binding.events';
import { bindingKeyId, bindingStream } from '../../domain/binding.stream';
import { findBindingKey, type KnownBindingKey } from '../../queries/bindings/binding-key.query';
import { countActiveBindingsByPod, findBinding } from '../../queries/bindings/binding.queries';
import { POD_FILTERS, schedulePods } from '../../scheduling/schedule-pods';
import { bindingFromHistory } from '../binding-from-history';
import { readHistory } from '../binding-writer';
import { BINDINGS_WRITE_OPTIONS, type BindingsWriteOptions, resolveBindingsWriteOptions } from '../bindings-write.options';
import { SelectPodCommand, type SelectPodResult } from './select-pod.command';

/**
 * On the create hot path, so it never waits for a projection. The common case is two read-model
 * queries and no write: the active binding's pod can still take work. Otherwise the filters and
 * weighers rank the AZ's pods and the decider places the tenant, appending with the revision the
 * read model showed. If another request got in first, decideOnStream re-reads the stream and
 * re-decides; since "keep the active binding while its pod is eligible" is part of the decision
 * (PlaceTenant), the loser reuses the winner's binding instead of binding again.
 */
@CommandHandler(SelectPodCommand)
export class SelectPodHandler implements ICommandHandler<SelectPodCommand> {
  private readonly options: ReturnType<typeof resolveBindingsWriteOptions>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'scheduling'>,
    @Optional() @Inject(BINDINGS_WRITE_OPTIONS) options?: BindingsWriteOptions,
  ) {
    this.options = resolveBindingsWriteOptions(options);
  }

  async execute(command: SelectPodCommand): Promise<SelectPodResult> {
    const key: BindingKey = { projectId: command.projectId, azName: command.azName, affinityTag: command.affinityTag };
    const keyId = bindingKeyId(key);
    const [known, pods] = await Promise.all([
      findBindingKey(this.sql, keyId),
      listAllPods(this.sql, { azName: key.azName, status: 'active' }),
    ]);
    const current = known.active && pods.find((pod) => pod.podId === known.active!.podId);
    if (known.active && current && POD_FILTERS.every((filter) => filter.passes(current, key))) {
      return { pod: current, binding: known.active, created: false };
    }
    return this.place(key, keyId, known, await this.rank(key, pods), command.context);
  }

  /** The AZ's pods that can take work, best first; none is NoValidHostError. */
  private async rank(key: BindingKey, pods: PodView[]): Promise<PodView[]> {
    const { weighers } = this.config.scheduling;
    const bindingCounts =
      weighers.fewerBindings === 0
        ? new Map<string, number>()
        : await countActiveBindingsByPod(
            this.sql,
            pods.map((p) => p.podId),
          );
    const { ranked, filterResults } = schedulePods(pods, key, bindingCounts, weighers);
    if (ranked.length === 0) throw new NoValidHostError(key.azName, filterResults);
    return ranked;
  }

  private async place(
    key: BindingKey,
    keyId: string,
    known: KnownBindingKey,
    ranked: PodView[],
    context: RequestContext,
  ): Promise<SelectPodResult> {
    const now = this.options.clock.now();
    const metadata = metadataFor(context, now);
    const decision = await decideOnStream(
      this.store,
      bindingStream(keyId),
      bindingDecider,
      { type: 'PlaceTenant', key, bindingId: newId(), eligiblePodIds: ranked.map((pod) => pod.podId), now: now.toISOString() },
      metadata,
      { known: { revision: known.revision, state: known.state } },
    );
    // PlaceTenant leaves an active binding on one of the eligible pods, or throws.
    const active = decision.state.active!;
    const pod = ranked.find((candidate) => candidate.podId === active.podId)!;
    if (decision.events.length > 0) {
      const decided = decision.events.map((event) => ({ ...event, metadata }));
      return { pod, binding: bindingFromHistory(decided, active.bindingId)!, created: true };
    }
    // Another request bound the tenant a moment ago: its row may not be projected yet.
    const binding =
      (await findBinding(this.sql, active.bindingId)) ??
      bindingFromHistory(await readHistory(this.store, keyId), active.bindingId)!;
    return { pod, binding, created: false };
  }
}
