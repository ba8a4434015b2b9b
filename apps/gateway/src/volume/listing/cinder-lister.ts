import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import {
  ListVolumeResourcePodsQuery,
  LocateVolumeResourceQuery,
  type VolumeForward,
  type VolumeResourceKind,
} from '@podgate/volumes';
import type { FastifyRequest } from 'fastify';
import { type FederatedListSource, listFederated } from '../../api/federation/federated-list';
import { callerForward, rawQueryOf } from '../../api/forwarding/caller-forward';
import { apiLinkBaseOf, type QueryPairs } from '../../api/links';
import { apiVersionOf } from '../../api/microversion';
import { VOLUME_API } from '../../api/service-api';
import { PodListSource } from '../../api/federation/pod-list-source';
import { PolicyEnforcer } from '../../http/policy';
import {
  isWithCount,
  parseVolumeListQuery,
  VOLUME_ALL_TENANTS_RULE,
  VOLUME_MAX_LIMIT,
  type VolumeListParams,
} from '../volumes/list/volume-list.params';
import { type CinderCollection, cinderPodCollection, type ListedCinderItem } from './cinder-collection';
import { cinderListAnswer, type CinderListKind, type CinderListLinks } from './cinder-list.view';
import { PodCounts } from './pod-counts';

type Json = Record<string, unknown>;

export interface CinderListRequest {
  readonly collection: CinderCollection;
  readonly kind: CinderListKind;
  /** Whose routes say which pods to ask (and where a marker lives): `attachment` lists ask the volumes' pods. */
  readonly routedAs: VolumeResourceKind;
  readonly params: VolumeListParams;
  /** The query asks for every tenant's items, as the collection reads `all_tenants`; counts only for callers with volume:all_tenants. */
  readonly allTenants: boolean;
  readonly context: RequestContext;
  readonly forward: Omit<VolumeForward, 'method' | 'path' | 'query'>;
  readonly links: CinderListLinks;
  /** A detailed item as the collection's summary list shows it. */
  readonly summary: (item: Json) => Json;
  /** Whether the items are routed as `routedAs` themselves (then a marker's pod is known; else every pod is asked). */
  readonly markerRouted: boolean;
  /** with_count asked (3.45+, see isWithCount); only collections that count (CinderCollection.counted) answer `count`. */
  readonly withCount?: boolean;
  /** The page's items as users see them beyond links and AZ (volumes: podgate's type ids). */
  readonly viewItems?: (items: readonly ListedCinderItem[]) => Promise<readonly ListedCinderItem[]>;
  readonly signal?: AbortSignal;
}

/** What one collection's list endpoints say of themselves (the rest comes from the request). */
export interface CinderListing extends Pick<CinderListRequest, 'collection' | 'kind' | 'routedAs' | 'summary' | 'markerRouted'> {
  /** Whether the query asks for every tenant's items, as this collection reads `all_tenants` (may throw Cinder's 400). */
  readonly allTenantsAsked: (pairs: QueryPairs, context: RequestContext) => boolean;
}

/**
 * GET /<collection>[/detail] of the volume API over every pod holding the caller's resources of
 * the kind (every active one for all_tenants): one merged, sorted, paged list. A pod that fails or
 * is slow is left out and logged; the answer is a 200 with the other pods' items (Cinder has no
 * notion of a partial list to tell the client).
 */
@Injectable()
export class CinderLister {
  private readonly logger = new Logger(CinderLister.name);
  private enforcer?: PolicyEnforcer;

  constructor(
    private readonly queries: QueryBus,
    private readonly modules: ModuleRef,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'upstream' | 'http'>,
  ) {}

  /** GET /<collection>[/detail] of one request: its query read as Cinder reads it, then `list`. */
  listFor(request: FastifyRequest, context: RequestContext, listing: CinderListing): Promise<Json> {
    const params = parseVolumeListQuery(rawQueryOf(request));
    const { method: _m, path: _p, query: _q, ...forward } = callerForward(request, context, { method: 'GET', path: '' });
    const { allTenantsAsked, ...rest } = listing;
    const base = apiLinkBaseOf(VOLUME_API, request, this.config.http.publicUrl);
    return this.list({
      ...rest,
      params,
      allTenants: allTenantsAsked(params.pairs, context),
      withCount: isWithCount(params.pairs, apiVersionOf(request)),
      context,
      forward,
      links: { base, pairs: params.pairs },
    });
  }

  async list(request: CinderListRequest): Promise<Json> {
    const { context, params, collection } = request;
    const { scope, pods } = await this.podsToAsk(request.routedAs, request.allTenants, context);
    const projectId = context.caller.projectId;
    const podCollection = cinderPodCollection(collection, params.pairs, request.links.base, projectId);
    const counts = request.withCount && collection.counted ? new PodCounts(podCollection.listPath) : undefined;
    const source = new PodListSource(podCollection, {
      proxy: counts ? counts.observe(this.proxy) : this.proxy,
      pods,
      sortKeys: params.sortKeys,
      forward: request.forward,
      projectId,
      timeoutMs: this.config.upstream.listTimeoutMs,
      routeOf: (id) => (request.markerRouted ? this.routeOf(request.routedAs, id, scope) : Promise.resolve(null)),
    });
    // Cinder's offset skips items after the marker: the merge reads them too, then drops them. The
    // window may pass osapi_max_limit (offset 500 of a 1000 page), so its maximum is raised to fit.
    const window = params.limit + params.offset;
    const page = await listFederated(withMaxPageSize(source, Math.max(window, VOLUME_MAX_LIMIT)), {
      limit: window,
      marker: params.marker,
      sortKeys: params.sortKeys,
      podTimeoutMs: this.config.upstream.listTimeoutMs,
      signal: request.signal,
    });
    for (const { pod, reason } of page.failedPods) this.logger.warn(`${collection.name} list without pod ${pod.name}: ${reason}`);
    const sliced = page.items.slice(params.offset);
    const items = request.viewItems ? await request.viewItems(sliced) : sliced;
    const count = counts && this.countOf(collection, counts, page.failedPods.length > 0);
    return cinderListAnswer(collection, request.kind, { items, limit: params.limit, count }, request.links, request.summary);
  }

  /**
   * The pods a list of `routedAs` asks for this caller, and whose items it covers (null: every
   * tenant's, for all_tenants callers with volume:all_tenants).
   */
  async podsToAsk(
    routedAs: VolumeResourceKind,
    allTenants: boolean,
    context: RequestContext,
  ): Promise<{ readonly scope: string | null; readonly pods: PodView[] }> {
    const mayAllTenants = allTenants && this.policy().allows(VOLUME_ALL_TENANTS_RULE, context.caller);
    const scope = mayAllTenants ? null : context.caller.projectId;
    return { scope, pods: await this.queries.execute(new ListVolumeResourcePodsQuery(routedAs, scope)) };
  }

  /** The merged with_count: only when every pod asked gave its own (a partial sum would be a wrong number). */
  private countOf(collection: CinderCollection, counts: PodCounts, anyFailed: boolean): number | undefined {
    const { count, uncounted } = counts.total();
    if (!anyFailed && uncounted.length === 0) return count;
    const why = anyFailed ? 'a pod failed' : `pods ${uncounted.join(', ')} gave none`;
    this.logger.warn(`${collection.name} list answered without count: ${why}`);
    return undefined;
  }

  private async routeOf(kind: VolumeResourceKind, id: string, scope: string | null): Promise<PodView | null> {
    try {
      return (await this.queries.execute(new LocateVolumeResourceQuery(kind, id, scope))).pod;
    } catch {
      return null;
    }
  }

  // AuthModule (the app's) owns the enforcer; it is looked up, not imported, to keep one instance.
  private policy(): PolicyEnforcer {
    return (this.enforcer ??= this.modules.get(PolicyEnforcer, { strict: false }));
  }
}

/**
 * The source with its page maximum set for one list (the window Cinder's offset needs): the
 * shared source keeps osapi_max_limit, the pods still cap each of their pages at their own. The
 * source stays the prototype, so whatever else it offers the merge is still there.
 */
function withMaxPageSize<T>(source: FederatedListSource<T>, maxPageSize: number): FederatedListSource<T> {
  return Object.create(source, { maxPageSize: { value: maxPageSize } }) as FederatedListSource<T>;
}
