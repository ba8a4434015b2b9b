import type { RecordedEvent, Subscription } from '../event-store.port';

/**
 * Reads a subscription until `until` says stop, with a deadline so a broken subscription fails the
 * test instead of hanging it. Returns the events and whether `caughtUp` was seen, in order.
 */
export async function collectSubscription(
  subscription: Subscription,
  until: (events: RecordedEvent[], caughtUp: boolean) => boolean,
  timeoutMs = 10_000,
): Promise<{ events: RecordedEvent[]; caughtUpAfter: number | undefined }> {
  const events: RecordedEvent[] = [];
  let caughtUpAfter: number | undefined;
  const deadline = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') caughtUpAfter ??= events.length;
      else events.push(message.event);
      if (until(events, caughtUpAfter !== undefined)) break;
    }
  } finally {
    clearTimeout(deadline);
    await subscription.close();
  }
  return { events, caughtUpAfter };
}
