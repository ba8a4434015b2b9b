import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { ResourceMetadataCalls } from '../resources/resource-metadata';
import type { ResourceCall } from '../resources/volume-resource-calls';

/**
 * What follows `/volumes/{id}/` in the request URL, still percent-encoded as the client sent it
 * (the pod decodes it as Cinder would), without the query: `metadata/role`, `encryption`.
 */
export function volumeSubresourceOf(url: string): string {
  const path = url.split('?')[0];
  const at = path.indexOf('/volumes/');
  const rest = at < 0 ? '' : path.slice(at + '/volumes/'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? '' : rest.slice(slash + 1);
}

/**
 * Everything below /volume/v3/volumes/{id}/ but `action`: metadata (the collection and each key;
 * Cinder answers GET, which Trio2o refused with a 405) and any other sub-resource (encryption...).
 * Reads are forwarded to the volume's pod, writes recorded by the volumes slice as
 * `<METHOD> <sub-resource>` (`PUT metadata`, `DELETE metadata`). User metadata is never translated;
 * podgate's provisioning tag is kept out of it (ResourceMetadataCalls).
 */
@Controller('volume/v3/volumes/:volume_id')
@Policy('volume:volumes')
export class VolumeSubresourcesController {
  constructor(private readonly metadata: ResourceMetadataCalls) {}

  @Get('*')
  async read(
    @Req() request: FastifyRequest,
    @Param('volume_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const call = { request, context, kind: 'volume' as const, id };
    return sendPodAnswer(reply, await this.metadata.read(call, volumeSubresourceOf(request.url)));
  }

  @Post('*')
  @HttpCode(200)
  post(
    @Req() r: FastifyRequest,
    @Param('volume_id') id: string,
    @Body() b: unknown,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write({ request: r, context: c, kind: 'volume', id }, 'POST', b, reply);
  }

  @Put('*')
  @HttpCode(200)
  put(
    @Req() r: FastifyRequest,
    @Param('volume_id') id: string,
    @Body() b: unknown,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write({ request: r, context: c, kind: 'volume', id }, 'PUT', b, reply);
  }

  @Delete('*')
  @HttpCode(200)
  remove(
    @Req() r: FastifyRequest,
    @Param('volume_id') id: string,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write({ request: r, context: c, kind: 'volume', id }, 'DELETE', undefined, reply);
  }

  private async write(call: ResourceCall, method: 'POST' | 'PUT' | 'DELETE', body: unknown, reply: FastifyReply) {
    return sendPodAnswer(reply, await this.metadata.write(call, method, volumeSubresourceOf(call.request.url), body));
  }
}
