// A time box for one pod's part of a merged list.

export class ShareTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * Runs `work` with a signal that fires after `timeoutMs` (or when the caller's does) and settles by
 * then even if `work` ignores its signal.
 */
export function withinTime<R>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<R>,
): Promise<R> {
  const controller = new AbortController();
  return new Promise<R>((resolve, reject) => {
    const stop = (reason: unknown): void => {
      controller.abort(reason);
      reject(reason);
    };
    const onOuterAbort = (): void => stop(outer?.reason);
    if (outer?.aborted) return onOuterAbort();
    const timer = setTimeout(() => stop(new ShareTimeoutError(timeoutMs)), timeoutMs);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    };
    Promise.resolve()
      .then(() => work(controller.signal))
      .then(
        (value) => (done(), resolve(value)),
        (error: unknown) => (done(), reject(error)),
      );
  });
}
