import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { AdminHarness } from './admin-harness';

/**
 * Checks an answer against the schema the OpenAPI document gives for it, so a view that drifts from
 * its documented zod schema fails a test. OpenAPI 3.0 schemas are JSON Schema plus `nullable`,
 * which Ajv understands.
 */
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

const documents = new WeakMap<AdminHarness, Promise<Document>>();
const validators = new Map<string, ValidateFunction>();

export async function expectDocumented(
  harness: AdminHarness,
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  status: number,
  body: unknown,
  mediaType = 'application/json',
): Promise<void> {
  if (!documents.has(harness))
    documents.set(
      harness,
      harness
        .as()
        .get('/v1.0/openapi.json')
        .expect(200)
        .then((r) => r.body as Document),
    );
  const document = await documents.get(harness)!;
  const schema = document.paths[path]?.[method]?.responses[String(status)]?.content?.[mediaType]?.schema;
  if (!schema) throw new Error(`the OpenAPI document has no ${mediaType} schema for ${method.toUpperCase()} ${path} ${status}`);
  const key = `${method} ${path} ${status} ${mediaType}`;
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(schema)));
  if (!validate(body)) throw new Error(`${key} answer does not match its documented schema: ${ajv.errorsText(validate.errors)}`);
}
