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
import { listFederated } from '../../api/federation/federated-list';
import { callerForward, rawQueryOf } from '../../api/forwarding/caller-forward';
import { apiLinkBaseOf, type QueryPairs } from '../../api/links';
import { VOLUME_API } from '../../api/service-api';
import { PodListSource } from '../../api/federation/pod-list-source';
import { PolicyEnforcer } from '../../http/policy';
import {
  parseVolumeListQuery,
  VOLUME_ALL_TENANTS_RULE,
  VOLUME_MAX_LIMIT,
  type VolumeListParams,
} from '../volumes/list/volume-list.params';
import { type CinderCollection, cinderPodCollection } from './cinder-collection';
import { cinderListAnswer, type CinderListKind, type CinderListLinks } from './cinder-list.view';

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
      context,
      forward,
      links: { base, pairs: params.pairs },
    });
  }

  async list(request: CinderListRequest): Promise<Json> {
    const { context, params, collection } = request;
    const mayAllTenants = request.allTenants && this.policy().allows(VOLUME_ALL_TENANTS_RULE, context.caller);
    const scope = mayAllTenants ? null : context.caller.projectId;
    const pods: PodView[] = await this.queries.execute(new ListVolumeResourcePodsQuery(request.routedAs, scope));
    const projectId = context.caller.projectId;
    const source = new PodListSource(cinderPodCollection(collection, params.pairs, request.links.base, projectId), {
      proxy: this.proxy,
      pods,
      sortKeys: params.sortKeys,
      forward: request.forward,
      projectId,
      timeoutMs: this.config.upstream.listTimeoutMs,
      routeOf: (id) => (request.markerRouted ? this.routeOf(request.routedAs, id, scope) : Promise.resolve(null)),
    });
    // Cinder's offset skips items after the marker: the merge reads them too, then drops them.
    const page = await listFederated(source, {
      limit: Math.min(params.limit + params.offset, VOLUME_MAX_LIMIT),
      marker: params.marker,
      sortKeys: params.sortKeys,
      podTimeoutMs: this.config.upstream.listTimeoutMs,
      signal: request.signal,
    });
    for (const { pod, reason } of page.failedPods) this.logger.warn(`${collection.name} list without pod ${pod.name}: ${reason}`);
    const items = page.items.slice(params.offset, params.offset + params.limit);
    return cinderListAnswer(collection, request.kind, { items, limit: params.limit }, request.links, request.summary);
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
