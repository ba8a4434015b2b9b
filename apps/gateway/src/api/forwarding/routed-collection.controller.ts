import { Body, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestCtx } from '../../http/auth';
import { type PodAnswer, sendPodAnswer } from './pod-answer';

/** Which list was asked for: `GET <collection>` (index) or `GET <collection>/detail`. */
export type CollectionList = 'index' | 'detail';

/** One call on one routed resource of the collection, named by the route's id. */
export interface RoutedCall {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
  readonly id: string;
}

/** How a collection names its resource's id in its routes, and the statuses Nest presets for a create and a delete. */
export interface CollectionRoutes {
  readonly idParam: string;
  readonly createStatus: number;
  readonly deleteStatus: number;
}

/**
 * The routes every routed collection (servers, volumes, snapshots, backups, attachments) shares:
 * create, both lists, and show, update and delete of one resource, each answered with its pod's status
 * (`sendPodAnswer` replaces the preset one). The subclass says how each is done.
 */
export function RoutedCollectionController({ idParam, createStatus, deleteStatus }: CollectionRoutes) {
  abstract class RoutedCollection {
    abstract createAnswer(request: FastifyRequest, body: unknown, context: RequestContext): Promise<PodAnswer>;
    abstract list(which: CollectionList, request: FastifyRequest, context: RequestContext): unknown;
    abstract showAnswer(call: RoutedCall): Promise<PodAnswer>;
    abstract updateAnswer(call: RoutedCall, body: unknown): Promise<PodAnswer>;
    abstract removeAnswer(call: RoutedCall): Promise<PodAnswer>;

    @Post()
    @HttpCode(createStatus)
    async create(
      @Req() request: FastifyRequest,
      @Body() body: unknown,
      @RequestCtx() context: RequestContext,
      @Res({ passthrough: true }) reply: FastifyReply,
    ) {
      return sendPodAnswer(reply, await this.createAnswer(request, body, context));
    }

    @Get()
    index(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
      return this.list('index', request, context);
    }

    @Get('detail')
    detail(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
      return this.list('detail', request, context);
    }

    @Get(`:${idParam}`)
    async show(
      @Req() request: FastifyRequest,
      @Param(idParam) id: string,
      @RequestCtx() context: RequestContext,
      @Res({ passthrough: true }) reply: FastifyReply,
    ) {
      return sendPodAnswer(reply, await this.showAnswer({ request, context, id }));
    }

    @Put(`:${idParam}`)
    async update(
      @Req() request: FastifyRequest,
      @Param(idParam) id: string,
      @Body() body: unknown,
      @RequestCtx() context: RequestContext,
      @Res({ passthrough: true }) reply: FastifyReply,
    ) {
      return sendPodAnswer(reply, await this.updateAnswer({ request, context, id }, body));
    }

    @Delete(`:${idParam}`)
    @HttpCode(deleteStatus)
    async remove(
      @Req() request: FastifyRequest,
      @Param(idParam) id: string,
      @RequestCtx() context: RequestContext,
      @Res({ passthrough: true }) reply: FastifyReply,
    ) {
      return sendPodAnswer(reply, await this.removeAnswer({ request, context, id }));
    }
  }
  return RoutedCollection;
}
