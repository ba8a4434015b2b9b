import type { EventStore, GlobalPosition } from '@podgate/event-store';
import type { EventMetadata } from '@podgate/kernel';
import type { ServerState } from '../../domain/server.state';
import { serverProvisioningStream, serverStream } from '../../domain/server.stream';
import type { ServerRoutes } from '../../location/server-routes';
import { decideOnServerStream } from '../server-stream-writer';

/**
 * ServerCreated + ResourceRouted in each server's own stream, decided on the intent followed by
 * that stream (so a confirmer that adopted the server first makes this a no-op), then the route
 * kept in memory: the next call on the server needs neither rm_routings nor a stream read.
 * Returns where the last append landed (for read-your-writes), undefined when nothing was appended.
 */
export async function recordServersCreated(
  store: EventStore,
  routes: ServerRoutes,
  provisioningId: string,
  serverIds: readonly string[],
  intentState: ServerState,
  metadata: EventMetadata,
): Promise<GlobalPosition | undefined> {
  let last: GlobalPosition | undefined;
  for (const serverId of serverIds) {
    const decision = await decideOnServerStream(
      store,
      serverStream(serverId),
      { type: 'RecordServerCreated', provisioningId, serverId },
      metadata,
      { foldFirst: [serverProvisioningStream(provisioningId)], known: { state: intentState, revision: 'no_stream' } },
    );
    last = decision.appended?.position ?? last;
    if (decision.state.status === 'created') {
      const { projectId, podId, azName } = decision.state.server;
      routes.remember({ serverId, projectId, podId, azName });
    }
  }
  return last;
}
