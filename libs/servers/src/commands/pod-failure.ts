import { PodUnreachableError } from '@podgate/openstack';
import { MAX_FAILURE_MESSAGE_LENGTH } from '../domain/server.decider';

/** Network codes that mean "no answer in time" rather than "no connection". */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/**
 * What to record when a forward threw instead of answering: 504 when the pod did not answer in
 * time, 503 when it could not be reached (or its endpoint not resolved), as the events document.
 * The caller still gets the thrown error (503 through the filter).
 */
export function failureOfThrown(error: unknown, secrets: readonly string[]): { status: number; message: string } {
  const status = error instanceof PodUnreachableError && TIMEOUT_CODES.has(error.networkCode) ? 504 : 503;
  const raw = error instanceof Error ? error.message : String(error);
  return { status, message: scrub(raw, secrets) };
}

/** SECURITY: blanks the secrets out before clipping, as openStackErrorMessage does. */
export function scrub(message: string, secrets: readonly string[]): string {
  const clean = secrets.reduce((out, secret) => (secret ? out.split(secret).join('***') : out), message);
  return clean.slice(0, MAX_FAILURE_MESSAGE_LENGTH);
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** Keys whose values are secrets in Nova bodies: changePassword/rebuild/rescue's adminPass, rebuild's user_data, file contents. */
const SECRET_KEYS = /^(adminPass|admin_pass|password|user_data|contents)$/i;

/**
 * SECURITY: the secret values anywhere in a request body, to blank out of what the pod answers
 * before it is recorded (Nova's validation errors echo the invalid value).
 */
export function secretsOfBody(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, secret: boolean): void => {
    if (typeof value === 'string') {
      if (secret && value.length > 0) found.push(value);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, secret));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) visit(inner, secret || SECRET_KEYS.test(key));
    }
  };
  visit(body, false);
  return found;
}
