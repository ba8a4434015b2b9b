import { isBase64, isIpv4, isIpv6, isUuidLike, isValidName, NAME_REASON } from './nova-formats';
import { codePoints, isObject, isType, type JsonType, jsonEqual, matchesPattern, numberFromString } from './nova-json-values';

export { DESCRIPTION_PATTERN, type JsonType } from './nova-json-values';
import { pyRepr } from './python-repr';

/**
 * The JSON-Schema subset Nova's request schemas use, checked the way Nova checks them: Python
 * jsonschema's Draft4Validator (4.10) with Nova's extensions (nova/api/validation/validators.py).
 * Nova reports the FIRST error jsonschema yields, and jsonschema yields errors keyword by keyword in
 * the schema's own key order, so schemas here keep Nova's key order and this walker stops at the
 * first violation in that same order. Messages are jsonschema's, word for word.
 */

export interface JsonSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly oneOf?: readonly JsonSchema[];
}

export type JsonPath = readonly (string | number)[];

/** One refused value: where, what, and jsonschema's message printed with a caller-chosen repr. */
export interface SchemaViolation {
  readonly path: JsonPath;
  readonly instance: unknown;
  /** Nova's InvalidName (the `name` format): its message replaces the whole "Invalid input" text. */
  readonly invalidNameReason?: string;
  message(repr: (value: unknown) => string): string;
}

interface FormatRule {
  readonly check: (value: unknown) => boolean;
  readonly invalidNameReason?: string;
}

const FORMATS: Readonly<Record<string, FormatRule>> = {
  uuid: { check: isUuidLike },
  ipv4: { check: isIpv4 },
  ipv6: { check: isIpv6 },
  base64: { check: isBase64 },
  name: { check: isValidName, invalidNameReason: NAME_REASON },
};

/** The first violation of `schema` by `instance`, in Nova's order, or null when it is valid. */
export function firstViolation(schema: JsonSchema, instance: unknown, path: JsonPath = []): SchemaViolation | null {
  for (const [keyword, value] of Object.entries(schema)) {
    const found = KEYWORDS[keyword as keyof JsonSchema]?.(value as never, instance, path, schema);
    if (found) return found;
  }
  return null;
}

type Keyword<K extends keyof JsonSchema> = (
  value: NonNullable<JsonSchema[K]>,
  instance: unknown,
  path: JsonPath,
  schema: JsonSchema,
) => SchemaViolation | null;

const violation = (path: JsonPath, instance: unknown, message: (repr: (v: unknown) => string) => string): SchemaViolation => ({
  path,
  instance,
  message,
});

const KEYWORDS: { readonly [K in keyof JsonSchema]-?: Keyword<K> } = {
  type: (types, instance, path) => {
    const list = typeof types === 'string' ? [types] : types;
    if (list.some((type) => isType(instance, type))) return null;
    return violation(path, instance, (repr) => `${repr(instance)} is not of type ${list.map((t) => pyRepr(t)).join(', ')}`);
  },
  enum: (options, instance, path) =>
    options.some((option) => jsonEqual(option, instance))
      ? null
      : violation(path, instance, (repr) => `${repr(instance)} is not one of ${pyRepr(options)}`),
  minLength: (min, instance, path) =>
    typeof instance === 'string' && codePoints(instance) < min
      ? violation(path, instance, (repr) => `${repr(instance)} is too short`)
      : null,
  maxLength: (max, instance, path) =>
    typeof instance === 'string' && codePoints(instance) > max
      ? violation(path, instance, (repr) => `${repr(instance)} is too long`)
      : null,
  pattern: (pattern, instance, path) =>
    typeof instance === 'string' && !matchesPattern(pattern, instance)
      ? violation(path, instance, (repr) => `${repr(instance)} does not match ${pyRepr(pattern)}`)
      : null,
  format: (format, instance, path) => {
    const rule = FORMATS[format];
    if (!rule || rule.check(instance)) return null;
    return {
      ...violation(path, instance, (repr) => `${repr(instance)} is not a ${pyRepr(format)}`),
      invalidNameReason: rule.invalidNameReason,
    };
  },
  minimum: (min, instance, path) => {
    const number = numberFromString(instance);
    return number !== null && number < min
      ? violation(path, instance, () => `${pyRepr(number)} is less than the minimum of ${pyRepr(min)}`)
      : null;
  },
  maximum: (max, instance, path) => {
    const number = numberFromString(instance);
    return number !== null && number > max
      ? violation(path, instance, () => `${pyRepr(number)} is greater than the maximum of ${pyRepr(max)}`)
      : null;
  },
  properties: (properties, instance, path) => {
    if (!isObject(instance)) return null;
    for (const [name, subschema] of Object.entries(properties)) {
      if (!Object.hasOwn(instance, name)) continue;
      const found = firstViolation(subschema, instance[name], [...path, name]);
      if (found) return found;
    }
    return null;
  },
  patternProperties: (patterns, instance, path) => {
    if (!isObject(instance)) return null;
    for (const [pattern, subschema] of Object.entries(patterns)) {
      for (const [key, item] of Object.entries(instance)) {
        if (!matchesPattern(pattern, key)) continue;
        const found = firstViolation(subschema, item, [...path, key]);
        if (found) return found;
      }
    }
    return null;
  },
  additionalProperties: (allowed, instance, path, schema) => {
    if (allowed || !isObject(instance)) return null;
    const declared = schema.properties ?? {};
    const patterns = Object.keys(schema.patternProperties ?? {});
    const extras = Object.keys(instance)
      .filter((key) => !Object.hasOwn(declared, key) && !patterns.some((pattern) => matchesPattern(pattern, key)))
      .sort();
    if (extras.length === 0) return null;
    const listed = extras.map((key) => pyRepr(key)).join(', ');
    if (patterns.length > 0) {
      const regexes = [...patterns]
        .sort()
        .map((pattern) => pyRepr(pattern))
        .join(', ');
      return violation(
        path,
        instance,
        () => `${listed} ${extras.length === 1 ? 'does' : 'do'} not match any of the regexes: ${regexes}`,
      );
    }
    return violation(
      path,
      instance,
      () => `Additional properties are not allowed (${listed} ${extras.length === 1 ? 'was' : 'were'} unexpected)`,
    );
  },
  required: (names, instance, path) => {
    if (!isObject(instance)) return null;
    const missing = names.find((name) => !Object.hasOwn(instance, name));
    return missing === undefined ? null : violation(path, instance, () => `${pyRepr(missing)} is a required property`);
  },
  items: (itemSchema, instance, path) => {
    if (!Array.isArray(instance)) return null;
    for (const [index, item] of instance.entries()) {
      const found = firstViolation(itemSchema, item, [...path, index]);
      if (found) return found;
    }
    return null;
  },
  minItems: (min, instance, path) =>
    Array.isArray(instance) && instance.length < min
      ? violation(path, instance, (repr) => `${repr(instance)} is too short`)
      : null,
  maxItems: (max, instance, path) =>
    Array.isArray(instance) && instance.length > max
      ? violation(path, instance, (repr) => `${repr(instance)} is too long`)
      : null,
  uniqueItems: (unique, instance, path) =>
    unique && Array.isArray(instance) && new Set(instance.map((item) => JSON.stringify(item))).size !== instance.length
      ? violation(path, instance, (repr) => `${repr(instance)} has non-unique elements`)
      : null,
  oneOf: (choices, instance, path) => {
    const valid = choices.filter((choice) => firstViolation(choice, instance, path) === null);
    if (valid.length === 0)
      return violation(path, instance, (repr) => `${repr(instance)} is not valid under any of the given schemas`);
    if (valid.length === 1) return null;
    // jsonschema lists the other matching schemas first, then the first one that matched.
    const listed = [...valid.slice(1), valid[0]].map((choice) => pyRepr(choice)).join(', ');
    return violation(path, instance, (repr) => `${repr(instance)} is valid under each of ${listed}`);
  },
};
