import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger on pino, writing what nestjs-pino's Logger writes (`context`, `err`) but without its
 * per-request middleware: that middleware built a child logger and an AsyncLocalStorage scope per
 * request (async hooks on every promise), a fifth of the gateway's CPU per proxied call. Request
 * lines come from a Fastify hook instead (apps/gateway/src/http/access-log.hook.ts); errors name
 * their request id themselves (OpenStackErrorFilter).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.call('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.call('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.call('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.call('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.call('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.call('fatal', message, params);
  }

  /** Nest passes the context (the logger's name) last. */
  private call(level: Level, message: unknown, optional: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const params = optional.length === 0 ? optional : optional.slice(0, -1);
    if (optional.length !== 0) fields.context = optional[optional.length - 1];
    if (typeof message === 'object' && message !== null) {
      if (message instanceof Error) fields.err = message;
      else Object.assign(fields, message);
      this.logger[level](fields, ...(params as []));
    } else if (isExceptionHandlerContract(level, message, params)) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(message as string);
      err.stack = params[0] as string;
      this.logger[level]({ ...fields, err });
    } else {
      this.logger[level](fields, message as string, ...(params as []));
    }
  }
}

const isExceptionHandlerContract = (level: Level, message: unknown, params: unknown[]): boolean =>
  level === 'error' &&
  typeof message === 'string' &&
  params.length === 1 &&
  typeof params[0] === 'string' &&
  /\n\s*at /.test(params[0]);
