import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import {
  DefineFlavorCommand,
  DeleteFlavorCommand,
  FindFlavorQuery,
  FlavorNotFoundError,
  type FlavorView,
  ListFlavorsQuery,
  UpdateFlavorDescriptionCommand,
} from '@podgate/flavors';
import { MarkerNotFoundError, type RequestContext } from '@podgate/kernel';
import type { FastifyRequest } from 'fastify';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { collectionLinks, apiLinkBaseOf, queryPairsOf } from '../../api/links';
import { atLeast, computeVersionOf } from '../../api/microversion';
import { parseFlavorListQuery } from './flavor-list.params';
import {
  InvalidFlavorRequestError,
  parseCreateFlavor,
  parseUpdateFlavor,
  ResourceNotFoundForVersionError,
} from './flavor.requests';
import { DESCRIPTION_VERSION, EXTRA_SPECS_VERSION, flavorDetailWire, flavorSummaryWire } from './flavor.wire';
import { flavorViewerOf } from './flavor-viewer';
import { COMPUTE_API } from '../../api/service-api';

/**
 * /compute/v2.1/flavors: Nova's flavors and flavor-manage APIs over the flavors slice. Private
 * flavors are shown to admins and to the projects they are shared with, as Nova does.
 */
@Controller('compute/v2.1/flavors')
export class FlavorsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PODGATE_CONFIG) private readonly config: PodgateConfig,
  ) {}

  @Get()
  @Policy('compute:flavors:read')
  index(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list(request, context, 'flavors');
  }

  @Get('detail')
  @Policy('compute:flavors:read')
  detail(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list(request, context, 'flavors/detail');
  }

  @Get(':flavor_id')
  @Policy('compute:flavors:read')
  async show(@Req() request: FastifyRequest, @Param('flavor_id') id: string, @RequestCtx() context: RequestContext) {
    const flavor: FlavorView | undefined = await this.queries.execute(new FindFlavorQuery(id, flavorViewerOf(context)));
    if (!flavor) throw new FlavorNotFoundError(id);
    return { flavor: flavorDetailWire(flavor, computeVersionOf(request), this.links(request)) };
  }

  /** Nova answers 200 (not 201) for backwards compatibility; extra_specs is {} from 2.61. */
  @Post()
  @HttpCode(200)
  @Policy('compute:flavors:manage')
  async create(@Req() request: FastifyRequest, @Body() body: unknown, @RequestCtx() context: RequestContext) {
    const version = computeVersionOf(request);
    const flavor = await this.commands.execute(new DefineFlavorCommand(parseCreateFlavor(body, version), context));
    return { flavor: flavorDetailWire(flavor, version, this.links(request)) };
  }

  @Put(':flavor_id')
  @Policy('compute:flavors:manage')
  async update(
    @Req() request: FastifyRequest,
    @Param('flavor_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
  ) {
    const version = computeVersionOf(request);
    if (!atLeast(version, DESCRIPTION_VERSION)) throw new ResourceNotFoundForVersionError();
    const flavor = await this.commands.execute(new UpdateFlavorDescriptionCommand(id, parseUpdateFlavor(body), context));
    return {
      flavor: flavorDetailWire(flavor, version, this.links(request), {
        description: true,
        extraSpecs: atLeast(version, EXTRA_SPECS_VERSION),
      }),
    };
  }

  /** 202 and no body, as Nova (kept for backwards compatibility). */
  @Delete(':flavor_id')
  @HttpCode(202)
  @Policy('compute:flavors:manage')
  async remove(@Param('flavor_id') id: string, @RequestCtx() context: RequestContext): Promise<void> {
    await this.commands.execute(new DeleteFlavorCommand(id, context));
  }

  private async list(request: FastifyRequest, context: RequestContext, collection: 'flavors' | 'flavors/detail') {
    const version = computeVersionOf(request);
    const { options, maxItems } = parseFlavorListQuery(request.url.split('?')[1] ?? '', version, flavorViewerOf(context));
    let flavors: FlavorView[];
    try {
      flavors = await this.queries.execute(new ListFlavorsQuery(options));
    } catch (error) {
      if (error instanceof MarkerNotFoundError) throw new InvalidFlavorRequestError(`marker [${options.marker}] not found`);
      throw error;
    }
    const links = this.links(request);
    const wire = collection === 'flavors' ? flavorSummaryWire : flavorDetailWire;
    const next = collectionLinks(links, collection, queryPairsOf(request.url), {
      length: flavors.length,
      maxItems,
      lastId: flavors.at(-1)?.flavorId,
    });
    return {
      flavors: flavors.map((flavor) => wire(flavor, version, links)),
      ...(next.length > 0 ? { flavors_links: next } : {}),
    };
  }

  /** Nova's links follow the request URL, project form included. */
  private links(request: FastifyRequest) {
    return apiLinkBaseOf(COMPUTE_API, request, this.config.http.publicUrl);
  }
}
