import type { LoggerService } from '@nestjs/common';
import type { ForwardedResponse, ForwardRequest, PodProxy } from '@podgate/openstack';
import { isSuccess, requestSecrets } from './pod-failure';
import { failureOfAnswer, forwardRecorded, type PodFailure } from './recorded-forward';

/**
 * A write on a routed resource, told in its slice's own events (servers', volumes', ...). The
 * order of the records is this module's: the request is durable before the pod hears of it, and
 * every outcome is recorded with the caller's secrets scrubbed.
 */
interface RecordedWrite {
  /** The call as the pod gets it: pod, service and the caller's project filled in. */
  readonly request: ForwardRequest;
  /** Names the write in the log line of a failure that could not be recorded. */
  readonly what: string;
  requested(): Promise<unknown>;
  failed(failure: PodFailure): Promise<unknown>;
}

export interface RecordedAction extends RecordedWrite {
  succeeded(status: number): Promise<unknown>;
  /** A 404 may come from a stale route of a deleted resource: look it up afresh next time (memory only). */
  forgetRoute(): void;
}

export interface RecordedDelete extends RecordedWrite {
  /** The pod accepted the delete and works on it in the background: watch for it to finish. */
  accepted(): void;
  /** The service's own "not found" for the resource (a proxy's 404 is not one). */
  isGone(response: ForwardedResponse): boolean;
  /** Records the resource gone (deleted on the pod directly). */
  gone(): Promise<unknown>;
}

type Forwarder = Pick<PodProxy, 'forward'>;
type ErrorLog = Pick<LoggerService, 'error'>;

/**
 * An action (or a sub-resource write): request, forward, outcome. Only the gone record unroutes,
 * so an action's 404 changes nothing durable. An unreachable pod is recorded failed and thrown on.
 */
export async function forwardRecordedAction(
  proxy: Forwarder,
  logger: ErrorLog,
  action: RecordedAction,
): Promise<ForwardedResponse> {
  await action.requested();
  const secrets = requestSecrets(action.request.body, action.request.token);
  const response = await forwardRecorded(
    proxy,
    action.request,
    secrets,
    (failure) => action.failed(failure),
    logger,
    action.what,
  );
  if (response.status === 404) action.forgetRoute();
  await (isSuccess(response.status) ? action.succeeded(response.status) : action.failed(failureOfAnswer(response, secrets)));
  return response;
}

/**
 * A delete: request, forward, then by the pod's answer: 2xx is watched until the pod no longer has
 * the resource; the service's own 404 means it is already gone (recorded now); anything else (in use,
 * locked, forbidden, a 5xx, a proxy's 404) is recorded failed and the route stays.
 */
export async function forwardRecordedDelete(proxy: Forwarder, logger: ErrorLog, del: RecordedDelete): Promise<ForwardedResponse> {
  await del.requested();
  const secrets = requestSecrets(del.request.body, del.request.token);
  const response = await forwardRecorded(proxy, del.request, secrets, (failure) => del.failed(failure), logger, del.what);
  if (isSuccess(response.status)) del.accepted();
  else if (del.isGone(response)) await del.gone();
  else await del.failed(failureOfAnswer(response, secrets));
  return response;
}
