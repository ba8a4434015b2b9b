import { deterministicId } from '@podgate/kernel';
import { streamName } from '@podgate/event-store';
import type { BindingKey } from './binding.events';

export const BINDING_CATEGORY = 'tenantBinding';

/** The key's stream id (stored as rm_bindings.binding_key): one stream per tenant, AZ and affinity group. */
export const bindingKeyId = (key: BindingKey): string =>
  deterministicId('binding', key.projectId, key.azName, key.affinityTag ?? '');

export const bindingStream = (keyId: string): string => streamName(BINDING_CATEGORY, keyId);
