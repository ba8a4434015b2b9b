import { Controller, Get, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Public } from '../../http/auth';
import { ApiZodResponse } from '../validation/openapi-schema';
import { currentVersion, VersionResponse, VersionsResponse } from './version.wire';

/** Version discovery, public as Nova's and Keystone's are: clients find the API before they have a token. */
@ApiTags('versions')
@Public()
@Controller()
export class VersionsController {
  @Get()
  @ApiZodResponse(200, 'The admin API versions.', VersionsResponse)
  versions(@Req() request: FastifyRequest): z.output<typeof VersionsResponse> {
    return { versions: [currentVersion(request)] };
  }

  @Get('v1.0')
  @ApiZodResponse(200, 'The admin API v1.0.', VersionResponse)
  version(@Req() request: FastifyRequest): z.output<typeof VersionResponse> {
    return { version: currentVersion(request) };
  }
}
