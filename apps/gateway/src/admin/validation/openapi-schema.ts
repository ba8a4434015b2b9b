import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * OpenAPI schema objects made from the very zod schemas that validate requests and type the views,
 * so the document cannot describe an API the gateway does not enforce. Requests are documented as
 * they arrive (io: 'input'), responses as they leave (io: 'output').
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  const { $schema: _dialect, ...document } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
  return document as SchemaObject;
}

export const ApiZodBody = (schema: z.ZodType) => ApiBody({ schema: openApiSchema(schema, 'input') });

export const ApiZodResponse = (status: number, description: string, schema?: z.ZodType) =>
  ApiResponse({ status, description, ...(schema ? { schema: openApiSchema(schema, 'output') } : {}) });

/** One `@ApiQuery` per property of a query-string object schema. */
export function ApiZodQuery(schema: z.ZodType): MethodDecorator & ClassDecorator {
  const document = openApiSchema(schema, 'input');
  const required = new Set(document.required ?? []);
  const properties = (document.properties ?? {}) as Record<string, SchemaObject>;
  return applyDecorators(
    ...Object.entries(properties).map(([name, { description, ...property }]) =>
      ApiQuery({ name, required: required.has(name), description, schema: property }),
    ),
  );
}
