import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  AddFlavorAccessCommand,
  FindFlavorQuery,
  FlavorNotFoundError,
  type FlavorView,
  RemoveFlavorAccessCommand,
} from '@podgate/flavors';
import { DomainError, type RequestContext } from '@podgate/kernel';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { parseFlavorAction } from './flavor.requests';
import { flavorAccessWire } from './flavor.wire';
import { flavorViewerOf } from './flavor-viewer';

class AccessListOfPublicFlavorError extends DomainError {
  readonly code = 'FLAVORS.ACCESS_LIST_OF_PUBLIC_FLAVOR';
  readonly kind = 'itemNotFound';
  constructor() {
    super('Access list not available for public flavors.');
  }
}

/** Nova's flavor-access API (admin only): the access list of a private flavor, and the tenant actions. */
@Controller('compute/v2.1/flavors/:flavor_id')
export class FlavorAccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('os-flavor-access')
  @Policy('compute:flavors:manage')
  async list(@Param('flavor_id') flavorId: string, @RequestCtx() context: RequestContext) {
    const flavor: FlavorView | undefined = await this.queries.execute(new FindFlavorQuery(flavorId, flavorViewerOf(context)));
    if (!flavor) throw new FlavorNotFoundError(flavorId);
    if (flavor.isPublic) throw new AccessListOfPublicFlavorError();
    return flavorAccessWire(flavorId, flavor.projects);
  }

  /** addTenantAccess / removeTenantAccess, 200 with the access list after the change. */
  @Post('action')
  @HttpCode(200)
  @Policy('compute:flavors:manage')
  async action(@Param('flavor_id') flavorId: string, @Body() body: unknown, @RequestCtx() context: RequestContext) {
    const { action, tenant } = parseFlavorAction(body);
    const command =
      action === 'addTenantAccess'
        ? new AddFlavorAccessCommand(flavorId, tenant, context)
        : new RemoveFlavorAccessCommand(flavorId, tenant, context);
    const projects: readonly string[] = await this.commands.execute(command);
    return flavorAccessWire(flavorId, projects);
  }
}
