/**
 * The part of a pino logger the Keystone client uses. SECURITY: nothing passed here contains a
 * token or a password; tokens are named by their Keystone audit id or a prefix of their SHA-256.
 */
export interface KeystoneLogger {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export const silentLogger: KeystoneLogger = { warn: () => undefined, debug: () => undefined };
