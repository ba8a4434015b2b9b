import type { ForwardedResponse } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { type PodCollection, podListQuery } from '../../api/federation/pod-list-source';
import { clientLinks, type ApiLinkBase, type QueryPairs } from '../../api/links';
import { withUserAz } from '../az-translation';

type Json = Record<string, unknown>;

/** One item of a merged list: as users see it (links, AZ), and the pod it came from. */
export interface ListedCinderItem {
  readonly item: Json;
  readonly pod: PodView;
}

/**
 * What differs between Cinder's listed collections (snapshots, backups, attachments, volumes) for
 * the merged list: the collection's name, whether the pods page it with `<name>_links`, and where a
 * sort key's column shows in an item.
 */
export interface CinderCollection {
  /** The path segment and the list key: `snapshots` (`{"snapshots": [...], "snapshots_links": [...]}`). */
  readonly name: string;
  /** The one-item key: `snapshot`. */
  readonly itemKey: string;
  /** Whether Cinder's list answers carry `<name>_links` (attachments' do not). */
  readonly pagedByLinks: boolean;
  /** Whether Cinder answers `count` with with_count (3.45: volumes, snapshots, backups). */
  readonly counted?: boolean;
  /** Cinder's 404 for a list marker it cannot find (its db layer's get of the marker), in the collection's words. */
  readonly markerNotFound: (markerId: string) => Error;
  /** The body field of a sort key (Cinder's column), or undefined when no body shows it as the pod sorts it. */
  readonly fieldOfSortKey: (key: string) => string | undefined;
  /**
   * What podgate hides of an item beyond its links and AZ, in lists and single answers alike
   * (volumes, snapshots: the provisioning tag in their metadata); none: nothing.
   */
  readonly viewItem?: (item: Json) => Json;
}

/**
 * The item's values for the sort keys, in key order. A key no body shows compares as equal, and so
 * does every key after it: the pod sorted by the hidden column first, so a later key's values are
 * not in order across the pod's page (comparing them would break the merge of sorted runs).
 */
export function sortValuesOf(
  item: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  fieldOf: (key: string) => string | undefined,
): unknown[] {
  const values: unknown[] = [];
  let hidden = false;
  for (const key of keys) {
    const field = hidden ? undefined : fieldOf(key);
    if (field === undefined) hidden = true;
    values.push(field === undefined ? null : (item[field] ?? null));
  }
  return values;
}

/** The Cinder columns every collection names alike in its bodies. */
const COMMON_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  created_at: 'created_at',
  updated_at: 'updated_at',
  name: 'name',
  display_name: 'name',
  display_description: 'description',
  description: 'description',
  status: 'status',
  size: 'size',
  volume_id: 'volume_id',
};

export const fieldsOf =
  (extra: Readonly<Record<string, string>> = {}) =>
  (key: string): string | undefined =>
    Object.hasOwn(extra, key) ? extra[key] : Object.hasOwn(COMMON_FIELDS, key) ? COMMON_FIELDS[key] : undefined;

/** Cinder's `availability_zone` filter is an exact match: only the pod whose podgate AZ it names is asked (for its own). */
const exactAz = (filter: string, azName: string): boolean => filter === azName;

/** What the merge applies itself instead of the pods: `offset`. */
const MERGE_PARAMS = ['offset'];

/** One Cinder collection in each pod, for PodListSource: items with podgate's links and AZ, as the collection shows them. */
export function cinderPodCollection(
  collection: CinderCollection,
  pairs: QueryPairs,
  links: ApiLinkBase,
  projectId: string,
): PodCollection<ListedCinderItem> {
  const viewItem = collection.viewItem ?? ((item: Json) => item);
  return {
    service: 'volume',
    listPath: `/${collection.name}/detail`,
    listKey: collection.name,
    memberKey: collection.itemKey,
    podQuery: (pod, page) => podListQuery(pairs, pod, page, exactAz, MERGE_PARAMS),
    item: (raw: Json, pod: PodView, response: ForwardedResponse) => ({
      item: viewItem(withUserAz(clientLinks(raw, response.podBaseUrl, links, projectId), pod)),
      pod,
    }),
    sortValues: (listed, keys) => sortValuesOf(listed.item, keys, collection.fieldOfSortKey),
    id: (listed) => String(listed.item.id),
    markerNotFound: collection.markerNotFound,
  };
}
