// The onRequest hook that applies a listener's injected faults before anything else runs.
import type { FastifyInstance } from 'fastify';
import { OpenStackError } from '../http/openstack-error';
import { FaultState } from './fault-state';

const INJECTED_MESSAGES: Record<number, string> = {
  500: 'Unexpected API Error. (fault injected by the pod simulator)',
  503: 'The server is currently unavailable. Please try again at a later time. (fault injected by the pod simulator)',
};

/**
 * `closing` is aborted when the listener shuts down, so sleeping and hanging requests are released
 * instead of holding the process open.
 */
export function installFaultHook(app: FastifyInstance, faults: FaultState): void {
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  app.addHook('onRequest', async (request) => {
    if (!faults.applies(request.url)) return;
    const { hang, latencyMs, errorRate, errorStatus } = faults.settings;
    if (hang) await waitForAbort(closing.signal);
    if (latencyMs > 0) await sleep(latencyMs, closing.signal);
    if (errorRate > 0 && faults.nextRandom() < errorRate) {
      throw new OpenStackError(errorStatus, INJECTED_MESSAGES[errorStatus] ?? 'Injected fault');
    }
  });
  app.addHook('onSend', async (request) => {
    const { answerDelayMs } = faults.settings;
    if (answerDelayMs > 0 && faults.applies(request.url)) await sleep(answerDelayMs, closing.signal);
  });
}

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(new Error('listener closed while a request was hanging'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new Error('listener closed during injected latency'));
      },
      { once: true },
    );
  });
}
