import { DomainError } from '@podgate/kernel';

export class NoActiveBindingError extends DomainError {
  readonly code = 'BINDINGS.NO_ACTIVE_BINDING';
  readonly kind = 'itemNotFound';
  constructor(projectId: string, azName: string) {
    super(`project ${projectId} has no active binding in ${azName}`);
  }
}

export class BindingNotFoundError extends DomainError {
  readonly code = 'BINDINGS.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(bindingId: string) {
    super(`binding ${bindingId} could not be found`);
  }
}

/** How many pods one scheduler filter let through, as Nova logs "Filter results". */
export interface FilterResult {
  readonly filter: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Nova's "No valid host" for pods. SECURITY: the message goes to tenants, so it names only the AZ
 * they asked for; how many pods there are and why each was filtered out stays in `filterResults`
 * and `detail`, for logs and admins, as Nova keeps its scheduler's reasons in its logs.
 */
export class NoValidHostError extends DomainError {
  readonly code = 'BINDINGS.NO_VALID_HOST';
  readonly kind = 'serviceUnavailable';
  constructor(
    readonly azName: string,
    readonly filterResults: readonly FilterResult[],
  ) {
    super(`No valid host was found. No pod in ${azName} can take work for this request.`);
  }

  get detail(): string {
    if (this.filterResults.length === 0) return `no active pod in ${this.azName}`;
    const removed = this.filterResults.map((r) => `${r.filter} removed ${r.start - r.end}`).join(', ');
    return `of ${this.filterResults[0].start} active pod(s) in ${this.azName}: ${removed}`;
  }
}

/** Only an active pod can be bound; a deregistered one keeps its history but takes no tenants. */
export class PodNotBindableError extends DomainError {
  readonly code = 'BINDINGS.POD_NOT_BINDABLE';
  readonly kind = 'conflict';
  constructor(podId: string, status: string) {
    super(`pod ${podId} is ${status} and cannot take bindings`);
  }
}

export class PodOutsideAzError extends DomainError {
  readonly code = 'BINDINGS.POD_OUTSIDE_AZ';
  readonly kind = 'badRequest';
  constructor(podId: string, podAzName: string, azName: string) {
    super(`pod ${podId} is in availability zone ${podAzName}, not ${azName}`);
  }
}

/** The affinity filter is strict both ways, so a pin across tags would be undone by the tenant's next SelectPod. */
export class PodAffinityMismatchError extends DomainError {
  readonly code = 'BINDINGS.POD_AFFINITY_MISMATCH';
  readonly kind = 'badRequest';
  constructor(podName: string, podTag: string | null, requestedTag: string | null) {
    super(`pod ${podName} has ${describeTag(podTag)}, but the binding asks for ${describeTag(requestedTag)}`);
  }
}

const describeTag = (tag: string | null): string => (tag === null ? 'no affinity tag' : `affinity tag '${tag}'`);

/** The maintenance filter keeps no tenant on a drained pod, so a pin to one would be undone by the tenant's next SelectPod. */
export class PodInMaintenanceError extends DomainError {
  readonly code = 'BINDINGS.POD_IN_MAINTENANCE';
  readonly kind = 'conflict';
  constructor(podName: string) {
    super(`pod ${podName} is in maintenance (drained) and takes no new bindings`);
  }
}

export class InvalidBindingFilterError extends DomainError {
  readonly code = 'BINDINGS.INVALID_FILTER';
  readonly kind = 'badRequest';
}
