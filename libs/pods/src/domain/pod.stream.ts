import { deterministicId } from '@podgate/kernel';
import { streamName } from '@podgate/event-store';

export const POD_CATEGORY = 'pod';
export const POD_USAGE_CATEGORY = 'podUsage';

/**
 * A pod's id is derived from its name (its Keystone region), so registering a name twice meets the
 * same stream and the decider refuses it: uniqueness without a separate index.
 */
export const podIdFor = (name: string): string => deterministicId('pod', name);

export const podStream = (podId: string): string => streamName(POD_CATEGORY, podId);

/** Usage lives in its own stream: frequent collector reports never contend with admin changes. */
export const podUsageStream = (podId: string): string => streamName(POD_USAGE_CATEGORY, podId);
