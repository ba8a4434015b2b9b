import { Query } from '@nestjs/cqrs';
import type { PodView } from '@podgate/pods';

export interface ServerLocation {
  readonly serverId: string;
  readonly projectId: string;
  /** The user-visible AZ. */
  readonly azName: string;
  readonly pod: PodView;
}

/**
 * Where a server lives: rm_routings, else (read-your-writes, the projection lagging) the server's
 * own stream. `projectId` null = any tenant's (an admin); otherwise another tenant's server is
 * ServerNotFoundError, as Nova answers 404 for it. A deleted or unknown server: ServerNotFoundError.
 */
export class LocateServerQuery extends Query<ServerLocation> {
  constructor(
    readonly serverId: string,
    readonly projectId: string | null,
  ) {
    super();
  }
}
