import { hash as digest, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

export const newRequestId = (): string => `req-${randomUUID()}`;

/**
 * A UUID (version 5 layout) derived from its parts, so a retried command produces the same event
 * ids and the store's idempotent append drops the duplicate.
 */
export function deterministicId(...parts: readonly string[]): string {
  // One-shot hashing: about half the cost of createHash on the action hot path (three ids per action).
  const hash = digest('sha1', parts.join('\u0000'), 'buffer');
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
