/**
 * Who a validated, project-scoped Keystone token belongs to. Structurally the same as
 * `Identity` of @podgate/openstack, so its KeystoneClient is a TokenValidator as it stands.
 */
export interface Identity {
  readonly userId: string;
  readonly userName: string;
  readonly userDomainId: string;
  readonly projectId: string;
  readonly projectName: string;
  readonly projectDomainId: string;
  readonly roles: readonly string[];
  readonly expiresAt: Date;
}

/**
 * Checks a caller's token with Keystone. Throws a DomainError of kind `unauthorized` for a token
 * Keystone does not accept and of kind `serviceUnavailable` when Keystone cannot answer.
 */
export interface TokenValidator {
  validateToken(token: string): Promise<Identity>;
}

/** Nest token under which AuthModule looks for the TokenValidator when it is given as a provider. */
export const TOKEN_VALIDATOR = Symbol('TOKEN_VALIDATOR');
