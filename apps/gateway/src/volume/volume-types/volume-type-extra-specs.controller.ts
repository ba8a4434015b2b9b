import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import {
  ChangeVolumeTypeCommand,
  FindVolumeTypeQuery,
  VolumeTypeExtraSpecNotFoundError,
  VolumeTypeNotFoundError,
  type VolumeTypeView,
} from '@podgate/volume-types';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { parseExtraSpecsCreate, parseExtraSpecUpdate } from './volume-type.requests';
import { visibleExtraSpecs, volumeTypeViewerOf } from './volume-type.wire';

/** Cinder's types_extra_specs API: everyone reads what Cinder lets them read, admins change. */
@Controller('volume/v3/types/:type_id/extra_specs')
export class VolumeTypeExtraSpecsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Policy('volume:types:read')
  async index(@Param('type_id') typeId: string, @RequestCtx() context: RequestContext) {
    return { extra_specs: await this.readable(typeId, context) };
  }

  @Get(':key')
  @Policy('volume:types:read')
  async show(@Param('type_id') typeId: string, @Param('key') key: string, @RequestCtx() context: RequestContext) {
    const specs = await this.readable(typeId, context);
    if (!Object.hasOwn(specs, key)) throw new VolumeTypeExtraSpecNotFoundError(typeId, key);
    return { [key]: specs[key] };
  }

  /** Cinder answers with the body it took. */
  @Post()
  @HttpCode(200)
  @Policy('volume:types:manage')
  async create(@Param('type_id') typeId: string, @Body() body: unknown, @RequestCtx() context: RequestContext) {
    const specs = parseExtraSpecsCreate(body);
    await this.commands.execute(new ChangeVolumeTypeCommand({ type: 'SetVolumeTypeExtraSpecs', typeId, specs }, context));
    return { extra_specs: specs };
  }

  @Put(':key')
  @Policy('volume:types:manage')
  async update(
    @Param('type_id') typeId: string,
    @Param('key') key: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
  ) {
    const specs = parseExtraSpecUpdate(body, key);
    await this.commands.execute(new ChangeVolumeTypeCommand({ type: 'SetVolumeTypeExtraSpecs', typeId, specs }, context));
    return specs;
  }

  @Delete(':key')
  @HttpCode(202)
  @Policy('volume:types:manage')
  async remove(@Param('type_id') typeId: string, @Param('key') key: string, @RequestCtx() context: RequestContext) {
    await this.commands.execute(new ChangeVolumeTypeCommand({ type: 'UnsetVolumeTypeExtraSpec', typeId, key }, context));
  }

  private async readable(typeId: string, context: RequestContext): Promise<Record<string, string>> {
    const viewer = volumeTypeViewerOf(context);
    const type: VolumeTypeView | undefined = await this.queries.execute(new FindVolumeTypeQuery(typeId, viewer));
    if (!type) throw new VolumeTypeNotFoundError(typeId);
    return visibleExtraSpecs(type.extraSpecs, viewer);
  }
}
