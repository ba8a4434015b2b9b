import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../http/auth';
import { Policy } from '../../http/policy';
import { publicBaseUrl } from '../../api/service-url';
import { PodApiVersions } from '../../api/pod-versions';
import { versionDocument, versionList } from './compute-versions';
import { ComputeVersionNotFoundError } from './compute-versions.errors';

/**
 * Compute version discovery, public as in Nova (clients read it before they have a token). The
 * trailing-slash forms (`/compute/`, `/compute/v2.1/`) reach these routes through rewriteComputeUrl,
 * and so does `/compute/v2.1/<project_id>/`, which Nova serves as `versions/v2.1` to token holders.
 */
@Controller('compute')
export class ComputeVersionsController {
  constructor(
    @Inject(PodApiVersions) private readonly versions: PodApiVersions,
    @Inject(PODGATE_CONFIG) private readonly config: PodgateConfig,
  ) {}

  @Public()
  @Get()
  list(@Req() request: FastifyRequest) {
    return versionList(this.versions.range, this.baseOf(request));
  }

  @Public()
  @Get('v2.1')
  show(@Req() request: FastifyRequest) {
    return versionDocument(this.versions.range, this.baseOf(request));
  }

  @Policy('compute:versions:show')
  @Get('v2.1/versions/:id')
  showById(@Req() request: FastifyRequest, @Param('id') id: string) {
    if (id !== 'v2.1') throw new ComputeVersionNotFoundError();
    return versionDocument(this.versions.range, this.baseOf(request));
  }

  private baseOf(request: FastifyRequest): string {
    return publicBaseUrl(request, this.config.http.publicUrl);
  }
}
