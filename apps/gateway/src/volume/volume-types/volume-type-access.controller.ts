import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import {
  ChangeVolumeTypeCommand,
  FindVolumeTypeQuery,
  VolumeTypeAccessNotFoundError,
  VolumeTypeNotFoundError,
  type VolumeTypeView,
} from '@podgate/volume-types';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { parseVolumeTypeAction } from './volume-type.requests';
import { volumeTypeViewerOf } from './volume-type.wire';

/** Cinder's volume_type_access API (admin only): the access list of a private type, and the project actions. */
@Controller('volume/v3/types/:type_id')
export class VolumeTypeAccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('os-volume-type-access')
  @Policy('volume:types:manage')
  async list(@Param('type_id') typeId: string, @RequestCtx() context: RequestContext) {
    const type: VolumeTypeView | undefined = await this.queries.execute(
      new FindVolumeTypeQuery(typeId, volumeTypeViewerOf(context)),
    );
    if (!type) throw new VolumeTypeNotFoundError(typeId);
    if (type.isPublic) throw new VolumeTypeAccessNotFoundError('Access list not available for public volume types.');
    return { volume_type_access: type.projects.map((project) => ({ volume_type_id: typeId, project_id: project })) };
  }

  /** addProjectAccess / removeProjectAccess: 202 and no body. */
  @Post('action')
  @HttpCode(202)
  @Policy('volume:types:manage')
  async action(@Param('type_id') typeId: string, @Body() body: unknown, @RequestCtx() context: RequestContext) {
    const { action, project: projectId } = parseVolumeTypeAction(body);
    const type = action === 'addProjectAccess' ? 'AddVolumeTypeAccess' : 'RemoveVolumeTypeAccess';
    await this.commands.execute(new ChangeVolumeTypeCommand({ type, typeId, projectId }, context));
  }
}
