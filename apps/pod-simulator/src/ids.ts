// Identifier shapes as the real services produce them: Nova/Cinder/Neutron/Glance use dashed UUIDs,
// Keystone uses 32 hex characters.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newUuid = (): string => randomUUID();

export const newHexId = (): string => randomBytes(16).toString('hex');

/** A Keystone-style id that stays the same across runs, so demos and tests can hard-code it. */
export const stableHexId = (seed: string): string => createHash('sha256').update(seed).digest('hex').slice(0, 32);

/** A UUID that stays the same across runs (same seed, same id), e.g. the shared cirros image. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const newRequestId = (): string => `req-${randomUUID()}`;

/** A random password in the style Nova generates for `adminPass`. */
export const newAdminPass = (): string => randomBytes(9).toString('base64').replace(/[+/=]/g, 'x');
