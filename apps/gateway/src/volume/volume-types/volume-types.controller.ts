import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import {
  ChangeVolumeTypeCommand,
  DefineVolumeTypeCommand,
  FindVolumeTypeQuery,
  ListVolumeTypesQuery,
  UpdateVolumeTypeCommand,
  VolumeTypeNotFoundError,
  type VolumeTypeView,
} from '@podgate/volume-types';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { parseCreateVolumeType, parseIsPublicFilter, parseUpdateVolumeType } from './volume-type.requests';
import { volumeTypeViewerOf, volumeTypeWire } from './volume-type.wire';

/**
 * /volume/v3/types: Cinder's types and types_manage APIs over the volume types slice. Types are
 * defined once here and pushed to every pod by the slice's reconciler; ids are podgate's (each pod
 * holds the type under its own id, under the same name).
 */
@Controller('volume/v3/types')
export class VolumeTypesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Public types and private ones shared with the project; admins filter with is_public (None: all). */
  @Get()
  @Policy('volume:types:read')
  async index(@Query('is_public') isPublic: string | undefined, @RequestCtx() context: RequestContext) {
    const viewer = volumeTypeViewerOf(context);
    const options = { viewer, ...(viewer.isAdmin ? { isPublic: parseIsPublicFilter(isPublic) } : {}) };
    const types: VolumeTypeView[] = await this.queries.execute(new ListVolumeTypesQuery(options));
    return { volume_types: types.map((type) => volumeTypeWire(type, viewer)) };
  }

  /** By id; `default` is the default type, as in Cinder. */
  @Get(':type_id')
  @Policy('volume:types:read')
  async show(@Param('type_id') typeId: string, @RequestCtx() context: RequestContext) {
    const viewer = volumeTypeViewerOf(context);
    const type: VolumeTypeView | undefined = await this.queries.execute(new FindVolumeTypeQuery(typeId, viewer));
    if (!type) throw new VolumeTypeNotFoundError(typeId);
    return { volume_type: volumeTypeWire(type, viewer) };
  }

  @Post()
  @HttpCode(200)
  @Policy('volume:types:manage')
  async create(@Body() body: unknown, @RequestCtx() context: RequestContext) {
    const type = await this.commands.execute(new DefineVolumeTypeCommand(parseCreateVolumeType(body), context));
    return { volume_type: volumeTypeWire(type, volumeTypeViewerOf(context)) };
  }

  /** A rename to a name another type holds is 409, as in Cinder. */
  @Put(':type_id')
  @Policy('volume:types:manage')
  async update(@Param('type_id') typeId: string, @Body() body: unknown, @RequestCtx() context: RequestContext) {
    const type = await this.commands.execute(new UpdateVolumeTypeCommand(typeId, parseUpdateVolumeType(body), context));
    return { volume_type: volumeTypeWire(type, volumeTypeViewerOf(context)) };
  }

  @Delete(':type_id')
  @HttpCode(202)
  @Policy('volume:types:manage')
  async remove(@Param('type_id') typeId: string, @RequestCtx() context: RequestContext): Promise<void> {
    await this.commands.execute(new ChangeVolumeTypeCommand({ type: 'DeleteVolumeType', typeId }, context));
  }
}
