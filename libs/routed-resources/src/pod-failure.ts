import { DomainError, STATUS_OF_ERROR_KIND } from '@podgate/kernel';
import { PodUnreachableError } from '@podgate/openstack';

/** Pod fault messages are kept for the audit, not as a place for a pod to write essays. */
export const MAX_FAILURE_MESSAGE_LENGTH = 500;

/** Network codes that mean "no answer in time" rather than "no connection". */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/**
 * What to record when a forward threw instead of answering: 504 when the pod did not answer in time
 * (the call may have been done: an auditor must tell it from a refusal), 503 when it could not be
 * reached (or its endpoint not resolved), the error's own status when the call was refused before it
 * left (a DomainError: e.g. ForwardPathInvalidError, the client's 400), 503 for anything else. The
 * caller gets the thrown error's status, which is 503 for both kinds of unreachable pod (a client
 * retries a 503; the body says which it was): the record is the finer of the two.
 */
export function failureOfThrown(error: unknown, secrets: readonly string[]): { status: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  return { status: statusOfThrown(error), message: scrub(raw, secrets) };
}

function statusOfThrown(error: unknown): number {
  if (error instanceof PodUnreachableError) return TIMEOUT_CODES.has(error.networkCode) ? 504 : 503;
  return error instanceof DomainError ? STATUS_OF_ERROR_KIND[error.kind] : 503;
}

/** SECURITY: blanks the secrets out before clipping, as openStackErrorMessage does. */
export function scrub(message: string, secrets: readonly string[]): string {
  const clean = secrets.reduce((out, secret) => (secret ? out.split(secret).join('***') : out), message);
  return clean.slice(0, MAX_FAILURE_MESSAGE_LENGTH);
}

/**
 * Network failures that prove a request never reached the pod: no connection, no address, no
 * endpoint. Any other failure (a timeout or reset once sent, a cancellation, something unknown)
 * may have come after the pod took it.
 */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOENDPOINT']);

export const mayHaveReachedPod = (error: unknown): boolean =>
  !(error instanceof PodUnreachableError && NEVER_SENT.has(error.networkCode));

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/**
 * Keys whose values are credentials wherever they appear in a Nova or Cinder body (Nova's create,
 * rebuild, changePassword, rescue; Cinder's connection info with its CHAP `auth_password`).
 */
const CREDENTIAL_KEYS = /^(adminPass|admin_pass|password|auth_password|user_data|contents)$/i;
/**
 * Keys whose values are user metadata (Nova's create, rebuild, createImage; Cinder's volume, snapshot
 * and backup create and update; both APIs' metadata sub-resources).
 */
const METADATA_KEYS = /^(metadata|meta)$/;
/**
 * Metadata values this short ("1", "on") are not secrets and would blank out ordinary words of the
 * pod's message. Credentials are scrubbed at any length.
 */
const MIN_METADATA_SECRET_LENGTH = 3;

/**
 * SECURITY: the one secret policy of the routed resources (servers, volumes, snapshots, backups), for
 * create, actions and delete alike: the values to blank out of what the pod answers before it is
 * recorded or logged (Nova's and Cinder's validation errors echo the invalid value: "Invalid input
 * for field/attribute adminPass. Value: ..."):
 * the caller's token, every value under a credential key (adminPass, password, user_data, file
 * contents) and every metadata value, anywhere in the body. Keys are not secrets (the intent
 * records metadata keys).
 */
export function requestSecrets(body: unknown, token?: string): string[] {
  const found = token ? [token] : [];
  const visit = (value: unknown, kind: 'plain' | 'credential' | 'metadata'): void => {
    if (typeof value === 'string') {
      const minLength = kind === 'metadata' ? MIN_METADATA_SECRET_LENGTH : 1;
      if (kind !== 'plain' && value.length >= minLength) found.push(value);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, kind));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) visit(inner, kindOf(key, kind));
    }
  };
  visit(body, 'plain');
  return found;
}

function kindOf(key: string, parent: 'plain' | 'credential' | 'metadata'): 'plain' | 'credential' | 'metadata' {
  if (parent === 'credential' || CREDENTIAL_KEYS.test(key)) return 'credential';
  if (parent === 'metadata' || METADATA_KEYS.test(key)) return 'metadata';
  return 'plain';
}
