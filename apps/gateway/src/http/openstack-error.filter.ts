import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, STATUS_OF_ERROR_KIND } from '@podgate/kernel';
import { isDatabaseUnavailable } from '@podgate/sql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { INTERNAL_ERROR_MESSAGE, openStackError, UNAVAILABLE_MESSAGE } from './openstack-error';

/** The one place where errors become HTTP answers: domain codes, Nest and Fastify exceptions alike. */
@Catch()
export class OpenStackErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OpenStackErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, message } = this.describe(exception);
    if (status >= 500) this.logger.error({ err: exception, requestId: request.id, status }, 'request failed');
    void reply.status(status).header('content-type', 'application/json').send(openStackError(status, message));
  }

  private describe(exception: unknown): { status: number; message: string } {
    if (exception instanceof DomainError)
      return { status: STATUS_OF_ERROR_KIND[exception.kind] ?? 500, message: exception.message };
    if (exception instanceof HttpException) return { status: exception.getStatus(), message: messageOf(exception) };
    // Raised by Fastify before routing: malformed JSON, unsupported media type, body too large.
    const fastifyStatus = (exception as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { status: fastifyStatus, message: (exception as Error).message };
    }
    // A database that cannot answer (down, restarting, closed) is an outage to retry, not a bug.
    // SECURITY: the driver's words (host, port) stay in the log.
    if (isDatabaseUnavailable(exception)) return { status: 503, message: UNAVAILABLE_MESSAGE };
    return { status: 500, message: INTERNAL_ERROR_MESSAGE };
  }
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
