import { streamName } from '@podgate/event-store';

export const VOLUME_TYPE_CATEGORY = 'volumeType';

/**
 * Keyed by podgate's type id (a UUID, as Cinder's are): live once at a time, a second definition of
 * a live id is refused by the decider. Names are unique too, but across streams: the define and
 * update handlers check rm_volume_types.
 */
export const volumeTypeStream = (typeId: string): string => streamName(VOLUME_TYPE_CATEGORY, typeId);
