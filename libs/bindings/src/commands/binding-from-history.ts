import type { EventMetadata } from '@podgate/kernel';
import type { BindingEvent } from '../domain/binding.events';
import type { BindingView } from '../queries/bindings/binding.view';

export type BindingHistoryEvent = BindingEvent & { readonly metadata: Pick<EventMetadata, 'actor' | 'requestId'> };

/**
 * A binding's view from its stream's events, as the projection will write the row: the answer when
 * rm_bindings has not caught up yet (SelectPod never waits for it; admin commands wait bounded).
 */
export function bindingFromHistory(events: readonly BindingHistoryEvent[], bindingId: string): BindingView | undefined {
  let view: BindingView | undefined;
  for (const event of events) {
    if (event.data.bindingId !== bindingId) continue;
    if (event.type === 'TenantBoundToPod') {
      const { data, metadata } = event;
      view = {
        bindingId,
        projectId: data.projectId,
        azName: data.azName,
        affinityTag: data.affinityTag,
        podId: data.podId,
        reason: data.reason,
        active: true,
        boundAt: data.boundAt,
        boundBy: metadata.actor.userId,
        boundRequestId: metadata.requestId,
        endedAt: null,
        endReason: null,
        endedBy: null,
      };
    } else if (view) {
      view = {
        ...view,
        active: false,
        endedAt: event.data.endedAt,
        endReason: event.data.reason,
        endedBy: event.metadata.actor.userId,
      };
    }
  }
  return view;
}
