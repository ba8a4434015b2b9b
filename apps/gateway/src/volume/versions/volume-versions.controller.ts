import { Controller, Get, HttpCode, Inject, Req } from '@nestjs/common';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { FastifyRequest } from 'fastify';
import type { PodApiVersions } from '../../api/pod-versions';
import { publicBaseUrl } from '../../api/service-url';
import { Public } from '../../http/auth';
import { VOLUME_API_VERSIONS } from './volume-api-versions';
import { volumeVersionList } from './volume-versions';

/**
 * Block-storage version discovery, public so clients can read it before they have a token (Cinder's
 * root is; its /v3/ sits behind authtoken, which podgate does not copy: the document says nothing
 * secret). The trailing-slash forms (`/volume/`, `/volume/v3/`) reach these routes through
 * rewriteServiceUrl. Both are negotiated like any volume request, as Cinder's version router is a
 * wsgi.Resource: they carry `OpenStack-API-Version: volume 3.x`.
 */
@Controller('volume')
export class VolumeVersionsController {
  constructor(
    @Inject(VOLUME_API_VERSIONS) private readonly versions: PodApiVersions,
    @Inject(PODGATE_CONFIG) private readonly config: PodgateConfig,
  ) {}

  /** Cinder's `all`: 300 Multiple Choices, as `@wsgi.response(HTTPStatus.MULTIPLE_CHOICES)` says. */
  @Public()
  @Get()
  @HttpCode(300)
  all(@Req() request: FastifyRequest) {
    return volumeVersionList(this.versions.range, publicBaseUrl(request, this.config.http.publicUrl));
  }

  /** Cinder's v3 `index`: the same list, 200. */
  @Public()
  @Get('v3')
  index(@Req() request: FastifyRequest) {
    return volumeVersionList(this.versions.range, publicBaseUrl(request, this.config.http.publicUrl));
  }
}
