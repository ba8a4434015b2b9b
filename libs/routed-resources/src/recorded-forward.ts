import type { LoggerService } from '@nestjs/common';
import { type ForwardedResponse, type ForwardRequest, openStackErrorMessage, type PodProxy } from '@podgate/openstack';
import { failureOfThrown } from './pod-failure';

export interface PodFailure {
  readonly status: number;
  readonly message: string;
}

/**
 * Forwards a call whose request is already recorded. When the forward throws (the pod cannot be
 * reached or does not answer in time: 503/504; the call is refused before it leaves: the error's
 * own status, e.g. 400), the failure is recorded (failureOfThrown: scrubbed, 504 for no answer in
 * time) and the error thrown on to the caller; a failure that cannot be recorded is logged,
 * never hides the error.
 */
export async function forwardRecorded(
  proxy: Pick<PodProxy, 'forward'>,
  request: ForwardRequest,
  secrets: readonly string[],
  recordFailure: (failure: PodFailure) => Promise<unknown>,
  logger: Pick<LoggerService, 'error'>,
  what: string,
): Promise<ForwardedResponse> {
  try {
    return await proxy.forward(request);
  } catch (error) {
    await recordFailure(failureOfThrown(error, secrets)).catch((unrecorded) =>
      logger.error(`${what} failed, not recorded: ${String(unrecorded)}`),
    );
    throw error;
  }
}

/** What to record of a pod's refusal: its status and its fault message, scrubbed and capped. */
export const failureOfAnswer = (response: ForwardedResponse, secrets: readonly string[]): PodFailure => ({
  status: response.status,
  message: openStackErrorMessage(response.body, secrets) ?? `HTTP ${response.status}`,
});
