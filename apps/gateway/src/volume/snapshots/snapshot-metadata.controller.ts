import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { segment } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { ResourceMetadataCalls } from '../resources/resource-metadata';
import type { ResourceCall } from '../resources/volume-resource-calls';

/**
 * /volume/v3/snapshots/{id}/metadata[/{key}] (snapshot_metadata.py): reads forwarded to the
 * snapshot's pod, writes recorded by the volumes slice as `<METHOD> metadata`. User metadata is
 * passed as it is, never translated; podgate's provisioning tag is kept out of it, as for volumes
 * (ResourceMetadataCalls).
 */
@Controller('volume/v3/snapshots/:snapshot_id/metadata')
@Policy('volume:volumes')
export class SnapshotMetadataController {
  constructor(private readonly metadata: ResourceMetadataCalls) {}

  @Get()
  async index(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.metadata.read(this.call(request, context, id), metadataRest()));
  }

  @Get(':key')
  async show(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Param('key') key: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.metadata.read(this.call(request, context, id), metadataRest(key)));
  }

  /** Adds and changes keys (Cinder's create: a merge). */
  @Post()
  @HttpCode(200)
  create(
    @Req() r: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Body() b: unknown,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write(this.call(r, c, id), 'POST', metadataRest(), b, reply);
  }

  /** Replaces all of it (Cinder's update_all). */
  @Put()
  @HttpCode(200)
  replace(
    @Req() r: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Body() b: unknown,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write(this.call(r, c, id), 'PUT', metadataRest(), b, reply);
  }

  @Put(':key')
  @HttpCode(200)
  update(
    @Req() r: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Param('key') key: string,
    @Body() b: unknown,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write(this.call(r, c, id), 'PUT', metadataRest(key), b, reply);
  }

  @Delete(':key')
  @HttpCode(200)
  remove(
    @Req() r: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Param('key') key: string,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write(this.call(r, c, id), 'DELETE', metadataRest(key), undefined, reply);
  }

  private call(request: FastifyRequest, context: RequestContext, id: string): ResourceCall {
    return { request, context, kind: 'snapshot', id };
  }

  private async write(call: ResourceCall, method: 'POST' | 'PUT' | 'DELETE', rest: string, body: unknown, reply: FastifyReply) {
    return sendPodAnswer(reply, await this.metadata.write(call, method, rest, body));
  }
}

/** The sub-resource below `/snapshots/{id}/`, the key (decoded by the router) encoded again for the pod. */
const metadataRest = (key?: string): string => (key === undefined ? 'metadata' : `metadata/${segment(key)}`);
