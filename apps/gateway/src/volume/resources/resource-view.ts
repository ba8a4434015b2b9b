import type { CinderCollection } from '../listing/cinder-collection';
import { viewPodAz } from '../az-translation';
import type { ResourceView } from './volume-resource-calls';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How a collection's single-item answers (`{"volume": {...}}` of create, show and update) are
 * shown: podgate's AZ, then what the collection hides of an item (CinderCollection.viewItem), so
 * an item looks the same whether it is listed or shown.
 */
export function resourceViewOf(collection: Pick<CinderCollection, 'itemKey' | 'viewItem'>): ResourceView {
  const { itemKey, viewItem } = collection;
  return (body, location) => {
    const viewed = viewPodAz(body, location.pod);
    if (viewItem === undefined || !isRecord(viewed) || !isRecord(viewed[itemKey])) return viewed;
    return { ...viewed, [itemKey]: viewItem(viewed[itemKey]) };
  };
}
