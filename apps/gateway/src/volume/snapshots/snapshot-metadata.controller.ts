import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { type ResourceCall, VolumeResourceCalls } from '../resources/volume-resource-calls';

const asIs = (body: unknown): unknown => body;

/**
 * /volume/v3/snapshots/{id}/metadata[/{key}] (snapshot_metadata.py): reads forwarded to the
 * snapshot's pod, writes recorded by the volumes slice as `<METHOD> metadata`. User metadata is
 * passed as it is, never translated.
 */
@Controller('volume/v3/snapshots/:snapshot_id/metadata')
@Policy('volume:volumes')
export class SnapshotMetadataController {
  constructor(private readonly calls: VolumeResourceCalls) {}

  @Get()
  async index(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.read(this.call(request, context, id), metadataPath(id), asIs));
  }

  @Get(':key')
  async show(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Param('key') key: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.read(this.call(request, context, id), metadataPath(id, key), asIs));
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
    return this.write(this.call(r, c, id), 'POST', metadataPath(id), b, reply);
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
    return this.write(this.call(r, c, id), 'PUT', metadataPath(id), b, reply);
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
    return this.write(this.call(r, c, id), 'PUT', metadataPath(id, key), b, reply);
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
    return this.write(this.call(r, c, id), 'DELETE', metadataPath(id, key), undefined, reply);
  }

  private call(request: FastifyRequest, context: RequestContext, id: string): ResourceCall {
    return { request, context, kind: 'snapshot', id };
  }

  private async write(call: ResourceCall, method: string, path: string, body: unknown, reply: FastifyReply) {
    const forward = callerForward(call.request, call.context, { method, path, body, query: '' });
    return sendPodAnswer(reply, await this.calls.write(call, `${method} metadata`, forward, asIs));
  }
}

const metadataPath = (id: string, key?: string): string =>
  `/snapshots/${segment(id)}/metadata${key === undefined ? '' : `/${segment(key)}`}`;
