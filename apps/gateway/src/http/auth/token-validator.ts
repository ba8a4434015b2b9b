import type { Identity } from '@podgate/openstack';

/** Who a validated, project-scoped Keystone token belongs to: the one KeystoneClient answers with. */
export type { Identity };

/**
 * Checks a caller's token with Keystone. Throws a DomainError of kind `unauthorized` for a token
 * Keystone does not accept and of kind `serviceUnavailable` when Keystone cannot answer.
 */
export interface TokenValidator {
  validateToken(token: string): Promise<Identity>;
}

/** Nest token under which AuthModule looks for the TokenValidator when it is given as a provider. */
export const TOKEN_VALIDATOR = Symbol('TOKEN_VALIDATOR');
