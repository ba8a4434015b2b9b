import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface TempestSchema {
  readonly status_code: readonly number[];
  readonly response_body?: object;
}

/**
 * Tempest's response schemas (Debian python3-tempest), picked per microversion by Tempest's own
 * clients and dumped as JSON by tempest_schemas.py. A name is `<client module>:<Class>:<schema>@<version>`.
 */
export function loadTempestSchemas(names: readonly string[]): Record<string, TempestSchema> {
  const output = execFileSync('/usr/bin/python3', [join(__dirname, 'tempest_schemas.py'), ...names], { encoding: 'utf8' });
  return JSON.parse(output) as Record<string, TempestSchema>;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Tempest's own format names.
ajv.addFormat('iso8601-date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?$/);
// Tempest checks `uuid` with Python's uuid.UUID(), which also takes Keystone's dashless hex ids.
ajv.addFormat('uuid', /^(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i);

const compiled = new Map<object, ValidateFunction>();

/** Problems of one answer against Tempest's schema: status not allowed, or body not matching. */
export function tempestProblems(schema: TempestSchema, status: number, body: unknown): string[] {
  const problems: string[] = [];
  if (!schema.status_code.includes(status)) problems.push(`status ${status} not in ${JSON.stringify(schema.status_code)}`);
  if (schema.response_body) {
    let validate = compiled.get(schema.response_body);
    if (!validate) compiled.set(schema.response_body, (validate = ajv.compile(schema.response_body)));
    if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`));
  }
  return problems;
}
