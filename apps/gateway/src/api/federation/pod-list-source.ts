// The one FederatedListSource over pods' own list APIs (Nova's /servers/detail, Cinder's
// /volumes/detail, /snapshots/detail...): what differs per resource is a PodCollection.
import { listedPods } from './listed-pods';
import { DomainError, type ErrorKind } from '@podgate/kernel';
import {
  type ForwardedResponse,
  type ForwardRequest,
  mapUpstreamFailure,
  openStackErrorMessage,
  type PodProxy,
  type ForwardService,
} from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import type { FederatedListSource, ListedPod, PodPage, PodPageRequest, SortKey } from './federated-list';

type Json = Record<string, unknown>;

/** A pod refused the list itself (a bad filter, a forbidden sort key...): every pod would, so it is the answer. */
export class PodRefusedListError extends DomainError {
  readonly code = 'FEDERATION.LIST_REFUSED';
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const REFUSAL_KINDS: Readonly<Record<number, ErrorKind>> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  406: 'notAcceptable',
};

/** What one resource's list looks like in its pods' API. */
export interface PodCollection<T> {
  readonly service: ForwardService;
  /** The detailed list below the service root: `/servers/detail`, `/volumes/detail`. */
  readonly listPath: string;
  /** The collection and member keys of the answers: `servers`/`server`, `volumes`/`volume`. */
  readonly listKey: string;
  readonly memberKey: string;
  /** The pod's query for one page, or null when the pod has nothing to show (see podListQuery). */
  podQuery(pod: PodView, page: { readonly limit: number; readonly marker?: string }): string | null;
  /** A pod's item as users see it (links, AZ...), with its pod. */
  item(raw: Json, pod: PodView, response: ForwardedResponse): T;
  sortValues(item: T, keys: readonly string[]): readonly unknown[];
  id(item: T): string;
  /** The API's error for a marker no pod has (see FederatedListSource.markerNotFound); absent: Nova's 400. */
  readonly markerNotFound?: (markerId: string) => Error;
}

export interface PodListSourceOptions {
  readonly proxy: Pick<PodProxy, 'forward'>;
  readonly pods: readonly PodView[];
  readonly sortKeys: readonly SortKey[];
  /** The caller's call minus method, path and query (token, version headers, request id). */
  readonly forward: Omit<ForwardRequest, 'pod' | 'projectId' | 'service' | 'method' | 'path' | 'query'>;
  /** The caller's project: the pods are called for it. */
  readonly projectId: string;
  readonly timeoutMs: number;
  /** Where the marker item lives, if podgate routed it (else every pod is asked). */
  readonly routeOf: (id: string) => Promise<PodView | null>;
}

/**
 * The items of every pod a list covers, for listFederated: each pod's detailed list with the
 * client's filters and sort keys (the pod sorts) and its own limit and marker; the marker found
 * where podgate routed it, else in whichever pod has it.
 */
export class PodListSource<T> implements FederatedListSource<T> {
  readonly pods: readonly ListedPod[];
  readonly markerNotFound?: (markerId: string) => Error;
  private readonly byId: ReadonlyMap<string, PodView>;
  private readonly keys: readonly string[];

  constructor(
    private readonly collection: PodCollection<T>,
    private readonly options: PodListSourceOptions,
  ) {
    this.pods = listedPods(options.pods);
    this.byId = new Map(options.pods.map((pod) => [pod.podId, pod]));
    this.keys = options.sortKeys.map((sort) => sort.key);
    if (collection.markerNotFound) this.markerNotFound = collection.markerNotFound;
  }

  /** The pod's page, and whether it says another follows (its next link), so a pod that ran out is asked no more. */
  async fetchPage(listed: ListedPod, request: PodPageRequest): Promise<PodPage<T>> {
    const pod = this.byId.get(listed.podId) as PodView;
    const query = this.collection.podQuery(pod, request);
    if (query === null) return { items: [], more: false };
    const { listKey } = this.collection;
    const response = await this.get(pod, this.collection.listPath, query, request.signal);
    const body = response.body as Json | undefined;
    const items = body?.[listKey];
    if (!Array.isArray(items)) throw new Error(`${pod.name} answered a ${listKey} list without ${listKey}`);
    return {
      items: items.map((raw) => this.collection.item(raw as Json, pod, response)),
      more: hasNextLink(body?.[`${listKey}_links`]),
    };
  }

  sortValues(item: T): readonly unknown[] {
    return this.collection.sortValues(item, this.keys);
  }

  id(item: T): string {
    return this.collection.id(item);
  }

  async locateMarker(markerId: string, signal: AbortSignal): Promise<{ pod: ListedPod; item: T } | null> {
    const routed = await this.options.routeOf(markerId);
    const candidates = routed && this.byId.has(routed.podId) ? [routed] : this.options.pods;
    const answers = await Promise.allSettled(candidates.map((pod) => this.show(pod, markerId, signal)));
    const at = answers.findIndex((answer) => answer.status === 'fulfilled' && answer.value !== null);
    if (at < 0) {
      // A pod that did not answer may hold the marker: where the page starts is unknown, so its
      // outage (503 naming it) is the answer, not "no such marker".
      const failed = answers.find((answer): answer is PromiseRejectedResult => answer.status === 'rejected');
      if (failed) throw failed.reason;
      return null;
    }
    const item = (answers[at] as PromiseFulfilledResult<T | null>).value as T;
    return { pod: this.pods.find((listed) => listed.podId === candidates[at].podId) as ListedPod, item };
  }

  private async show(pod: PodView, id: string, signal: AbortSignal): Promise<T | null> {
    const { listKey, memberKey } = this.collection;
    const response = await this.get(pod, `/${listKey}/${encodeURIComponent(id)}`, '', signal, false);
    if (response.status !== 200) return null;
    const raw = (response.body as Json | undefined)?.[memberKey];
    return raw ? this.collection.item(raw as Json, pod, response) : null;
  }

  private async get(pod: PodView, path: string, query: string, signal: AbortSignal, failOnRefusal = true) {
    const { service } = this.collection;
    const response = await this.options.proxy.forward({
      ...this.options.forward,
      pod,
      projectId: this.options.projectId,
      service,
      method: 'GET',
      path,
      ...(query ? { query } : {}),
      timeoutMs: this.options.timeoutMs,
      signal,
    });
    if (response.status >= 500)
      throw mapUpstreamFailure({ upstream: `${pod.name} ${service}`, status: response.status, body: response.body });
    if (response.status >= 400 && failOnRefusal) {
      const kind = REFUSAL_KINDS[response.status];
      const message = openStackErrorMessage(response.body) ?? `${pod.name} ${service} answered HTTP ${response.status}`;
      throw kind
        ? new PodRefusedListError(kind, message)
        : new Error(`${pod.name} ${service} answered HTTP ${response.status}: ${message}`);
    }
    return response;
  }
}

/** How an `availability_zone` filter value selects user-visible AZs: true, false, or null (cannot tell). */
export type AzFilterMatch = (filter: string, azName: string) => boolean | null;

/**
 * A pod's query: the client's pairs without the paging ones (`limit`, `marker`, and what else
 * `dropped` names), then the page's own limit and marker. An `availability_zone` filter names
 * user-visible AZs: a pod whose AZ it does not match has nothing to show (null), one whose AZ it
 * matches is asked for its own AZ, and one it cannot judge gets the filter as it stands.
 */
export function podListQuery(
  pairs: readonly (readonly [string, string])[],
  pod: Pick<PodView, 'azName' | 'podAzName'>,
  page: { readonly limit: number; readonly marker?: string },
  azMatches: AzFilterMatch,
  dropped: readonly string[] = [],
): string | null {
  const out = new URLSearchParams();
  for (const [key, value] of pairs) {
    if (key === 'limit' || key === 'marker' || dropped.includes(key)) continue;
    if (key === 'availability_zone') {
      const matches = azMatches(value, pod.azName);
      if (matches === false) return null;
      out.append(key, matches ? pod.podAzName : value);
      continue;
    }
    out.append(key, value);
  }
  out.append('limit', String(page.limit));
  if (page.marker !== undefined) out.append('marker', page.marker);
  return out.toString();
}

/**
 * Whether a pod's `*_links` has a `next` entry: Nova and Cinder add one exactly when the page is as
 * long as the limit after their own max_limit cap, so without it the pod has nothing more to give.
 */
export function hasNextLink(links: unknown): boolean {
  return Array.isArray(links) && links.some((link) => (link as { rel?: unknown } | null)?.rel === 'next');
}
