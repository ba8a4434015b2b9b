// Keep-alive connection pools, one per pod origin. A new TCP (and TLS) handshake per forwarded call
// would cost more than podgate's whole latency budget over a direct call.
import http from 'node:http';
import https from 'node:https';
import type { ResolvedEndpoint } from './pod-endpoint-cache';

export interface PodAgentOptions {
  /** Concurrent sockets per pod origin; callers beyond it queue. */
  readonly maxSockets: number;
  /** Idle sockets kept per pod origin. */
  readonly maxFreeSockets: number;
  /**
   * Idle sockets are closed after this. Kept below the common server keep-alive timeouts (Apache
   * and Node 5 s) so podgate closes first: a request written on a socket the server is closing fails.
   */
  readonly idleTimeoutMs: number;
}

export class PodAgents {
  private readonly agents = new Map<string, http.Agent>();

  constructor(private readonly options: PodAgentOptions) {}

  for(endpoint: ResolvedEndpoint): http.Agent {
    let agent = this.agents.get(endpoint.origin);
    if (!agent) {
      const settings: http.AgentOptions = {
        keepAlive: true,
        maxSockets: this.options.maxSockets,
        maxFreeSockets: this.options.maxFreeSockets,
        timeout: this.options.idleTimeoutMs,
        // The most recently used socket is the one least likely to have been closed by the server,
        // and the rest can age out when traffic drops.
        scheduling: 'lifo',
      };
      agent = endpoint.secure ? new https.Agent(settings) : new http.Agent(settings);
      this.agents.set(endpoint.origin, agent);
    }
    return agent;
  }

  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}
