import type { DomainError } from '@podgate/kernel';
import type { PodView } from '@podgate/pods';
import { PodAffinityMismatchError, PodInMaintenanceError, PodOutsideAzError } from '../../domain/binding.errors';
import { affinityTagFilter } from '../../scheduling/filters/affinity-tag.filter';
import { availabilityZoneFilter } from '../../scheduling/filters/availability-zone.filter';
import { capacityFilter } from '../../scheduling/filters/capacity.filter';
import { maintenanceFilter } from '../../scheduling/filters/maintenance.filter';
import { reachableFilter } from '../../scheduling/filters/reachable.filter';
import type { PodFilter } from '../../scheduling/schedulable-pod';
import type { PinTenantCommand } from './pin-tenant.command';

/**
 * SelectPod's filters over what an admin declares of a pod (its AZ, its affinity tag, whether it is
 * drained), each with the refusal a pin failing it gets. The tenant's next SelectPod would undo such
 * a pin at once (fast path, then `rebalanced`), so it is refused rather than accepted and lost.
 */
export const PIN_REFUSALS: readonly (readonly [PodFilter, (pod: PodView, command: PinTenantCommand) => DomainError])[] = [
  [availabilityZoneFilter, (pod, command) => new PodOutsideAzError(pod.podId, pod.azName, command.azName)],
  [affinityTagFilter, (pod, command) => new PodAffinityMismatchError(pod.name, pod.affinityTag, command.affinityTag)],
  [maintenanceFilter, (pod) => new PodInMaintenanceError(pod.name)],
];

/**
 * SelectPod's filters over what the usage collector observes, which a pin does not check: a report
 * is a snapshot that changes on its own (a failed poll, capacity being freed) and the admin may know
 * better. The pin holds if the pod passes them again by the tenant's next create; if it is still
 * full or unreachable then, SelectPod moves the tenant like any other (`rebalanced`).
 */
export const PIN_IGNORED_FILTERS: readonly PodFilter[] = [capacityFilter, reachableFilter];

/** The first refusal the pod earns for the pin, if any. */
export function pinRefusal(pod: PodView, command: PinTenantCommand): DomainError | undefined {
  const request = { azName: command.azName, affinityTag: command.affinityTag };
  const failed = PIN_REFUSALS.find(([filter]) => !filter.passes(pod, request));
  return failed?.[1](pod, command);
}
