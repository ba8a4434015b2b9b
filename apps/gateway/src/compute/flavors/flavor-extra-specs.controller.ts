import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  DeleteFlavorExtraSpecCommand,
  FindFlavorQuery,
  FlavorExtraSpecNotFoundError,
  FlavorNotFoundError,
  type FlavorView,
  SetFlavorExtraSpecsCommand,
} from '@podgate/flavors';
import type { RequestContext } from '@podgate/kernel';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { parseExtraSpecsCreate, parseExtraSpecUpdate } from './flavor.requests';
import { flavorViewerOf } from './flavor-viewer';

/**
 * /compute/v2.1/flavors/{id}/os-extra_specs: Nova's flavor extra specs API. Reading follows the
 * flavor's visibility; writing is the admins'. Create and update answer the body as sent, as Nova.
 */
@Controller('compute/v2.1/flavors/:flavor_id/os-extra_specs')
export class FlavorExtraSpecsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Policy('compute:flavors:read')
  async index(@Param('flavor_id') flavorId: string, @RequestCtx() context: RequestContext) {
    return { extra_specs: { ...(await this.visible(flavorId, context)).extraSpecs } };
  }

  @Get(':key')
  @Policy('compute:flavors:read')
  async show(@Param('flavor_id') flavorId: string, @Param('key') key: string, @RequestCtx() context: RequestContext) {
    const { extraSpecs } = await this.visible(flavorId, context);
    if (!Object.hasOwn(extraSpecs, key)) throw new FlavorExtraSpecNotFoundError(flavorId, key);
    return { [key]: extraSpecs[key] };
  }

  /** 200 (Nova keeps it for compatibility), answering the request body. */
  @Post()
  @HttpCode(200)
  @Policy('compute:flavors:manage')
  async create(@Param('flavor_id') flavorId: string, @Body() body: unknown, @RequestCtx() context: RequestContext) {
    await this.commands.execute(new SetFlavorExtraSpecsCommand(flavorId, parseExtraSpecsCreate(body), context));
    return body;
  }

  @Put(':key')
  @Policy('compute:flavors:manage')
  async update(
    @Param('flavor_id') flavorId: string,
    @Param('key') key: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
  ) {
    await this.commands.execute(new SetFlavorExtraSpecsCommand(flavorId, parseExtraSpecUpdate(body, key), context));
    return body;
  }

  /** 200 and no body, as Nova. */
  @Delete(':key')
  @HttpCode(200)
  @Policy('compute:flavors:manage')
  async remove(@Param('flavor_id') flavorId: string, @Param('key') key: string, @RequestCtx() context: RequestContext) {
    await this.commands.execute(new DeleteFlavorExtraSpecCommand(flavorId, key, context));
  }

  private async visible(flavorId: string, context: RequestContext): Promise<FlavorView> {
    const flavor: FlavorView | undefined = await this.queries.execute(new FindFlavorQuery(flavorId, flavorViewerOf(context)));
    if (!flavor) throw new FlavorNotFoundError(flavorId);
    return flavor;
  }
}
