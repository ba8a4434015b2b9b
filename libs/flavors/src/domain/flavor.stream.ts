import { streamName } from '@podgate/event-store';

export const FLAVOR_CATEGORY = 'flavor';

/**
 * Keyed by Nova's public flavor id, so an id is live once at a time without an index (the decider
 * refuses a second definition). Names are unique too, but across streams: the define handler checks
 * rm_flavors. Nova deletes flavors for good, so an id may be defined again after its deletion; the
 * stream then carries on, and its generations keep counting up.
 */
export const flavorStream = (flavorId: string): string => streamName(FLAVOR_CATEGORY, flavorId);
