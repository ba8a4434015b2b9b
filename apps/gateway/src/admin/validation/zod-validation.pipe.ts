import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { type InputSource, invalidInputMessage } from './invalid-input-message';

/**
 * Validates a request body or query string against its zod schema and hands the controller the
 * parsed (camelCase) value. The same schema documents the endpoint (see openapi-schema.ts), so the
 * contract a client reads and the one the gateway enforces are one object.
 */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly source: InputSource,
  ) {}

  transform(value: unknown): z.output<Schema> {
    return parseInput(this.schema, value, this.source);
  }
}

/** The schema's output for `value`, or a 400 in Nova's words naming the first offending field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, source: InputSource): z.output<Schema> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new BadRequestException(invalidInputMessage(parsed.error.issues[0], source));
}

export const validBody = <Schema extends z.ZodType>(schema: Schema) => new ZodValidationPipe(schema, 'body');
export const validQuery = <Schema extends z.ZodType>(schema: Schema) => new ZodValidationPipe(schema, 'query');
