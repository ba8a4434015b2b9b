import type { z } from 'zod';

/** Where the invalid value came from; Nova names body fields and query parameters differently. */
export type InputSource = 'body' | 'query';

/**
 * One zod issue in Nova's words ("Invalid input for field/attribute az_name. Value: 42. 42 is not of
 * type 'string'"), so clients that parse Nova's 400s read ours the same way. Only the first issue is
 * reported, as Nova's jsonschema validator does.
 */
export function invalidInputMessage(issue: z.core.$ZodIssue, source: InputSource): string {
  const field = fieldName(issue);
  const subject = source === 'query' ? `query parameters ${field}` : `field/attribute ${field}`;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `'${key}'`).join(', ');
    return `Invalid input for ${subject}. Additional properties are not allowed (${keys} ${issue.keys.length > 1 ? 'were' : 'was'} unexpected)`;
  }
  // A rule across fields (refine) explains itself; its input is the whole object, not the field.
  if (issue.code === 'custom') return `Invalid input for ${subject}. ${issue.message}`;
  if (issue.input === undefined) {
    return issue.path.length === 0
      ? 'Invalid input for the request body. The body must be a JSON object.'
      : `Invalid input for ${subject}. '${field}' is a required property`;
  }
  return `Invalid input for ${subject}. Value: ${display(issue.input)}. ${reason(issue)}`;
}

function fieldName(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) return issue.keys[0];
  const named = issue.path.filter((segment): segment is string => typeof segment === 'string');
  return named.length > 0 ? named[named.length - 1] : 'body';
}

function reason(issue: z.core.$ZodIssue): string {
  const value = quoted(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return `${value} is not of type '${jsonTypeOf(issue.expected)}'`;
    case 'too_small':
      return issue.origin === 'string'
        ? `${value} is too short`
        : `${value} is less than ${issue.inclusive === false ? 'or equal to ' : ''}the minimum of ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${value} is too long`
        : `${value} is greater than ${issue.inclusive === false ? 'or equal to ' : ''}the maximum of ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `${value} does not match '${patternSource(issue.pattern)}'`
        : `${value} is not a '${formatName(issue.format)}'`;
    case 'invalid_value':
      return `${value} is not one of [${issue.values.map((option) => quoted(option)).join(', ')}]`;
    default:
      return issue.message;
  }
}

const JSON_TYPES: Readonly<Record<string, string>> = { int: 'integer', bigint: 'integer', nan: 'number' };
const jsonTypeOf = (zodType: string): string => JSON_TYPES[zodType] ?? zodType;

/** jsonschema's format names, which OpenStack clients know, for zod's. */
const FORMATS: Readonly<Record<string, string>> = { datetime: 'date-time', url: 'uri' };
const formatName = (format: string): string => FORMATS[format] ?? format;

/** zod reports a RegExp's `/source/flags`; jsonschema shows the source alone. */
const patternSource = (pattern: unknown): string =>
  pattern instanceof RegExp ? pattern.source : String(pattern).replace(/^\/(.*)\/[a-z]*$/s, '$1');

const quoted = (value: unknown): string => (typeof value === 'string' ? `'${display(value)}'` : display(value));

/** A client's own value, echoed back; cut short so a megabyte of junk is not answered with a megabyte. */
const MAX_SHOWN = 120;

function display(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
