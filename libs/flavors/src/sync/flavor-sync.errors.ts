/**
 * A pod refused one step of a push (its status and OpenStack message), or answered something
 * podgate cannot read. Recorded as FlavorSyncFailed; never shown to a client.
 */
export class FlavorPushRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly step: string,
    readonly podMessage: string | undefined,
  ) {
    super(`${step} answered HTTP ${status}${podMessage ? `: ${podMessage}` : ''}`);
    this.name = 'FlavorPushRefusedError';
  }
}
