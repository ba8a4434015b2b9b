// Server tags (microversion 2.26+): validation shared by create and the tags routes.
import { badRequest } from '../http/openstack-error';

export const MAX_TAGS = 50;

export function validateTag(tag: unknown): string {
  if (typeof tag !== 'string' || tag.length < 1 || tag.length > 60 || /[/,]/.test(tag)) {
    throw badRequest(
      `Invalid input for field/attribute tags. Value: ${JSON.stringify(tag)}. '${String(tag)}' does not match '^[^,/]*$'`,
    );
  }
  return tag;
}

export function validateTags(tags: unknown): string[] {
  if (!Array.isArray(tags))
    throw badRequest(`Invalid input for field/attribute tags. Value: ${JSON.stringify(tags)}. is not of type 'array'`);
  const unique = [...new Set(tags.map(validateTag))];
  if (unique.length > MAX_TAGS) throw badRequest(`The number of tags exceeded the per-server limit ${MAX_TAGS}`);
  return unique;
}
