// Node's agents have no connect timeout: a black-holed address keeps a request in SYN_SENT for the
// kernel's full retry budget (minutes). These agents give up on the TCP connect after a bound.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

type ConnectCallback = (err: Error | null, stream: Duplex) => void;

function boundConnect(socket: Duplex | null | undefined, connectTimeoutMs: number): void {
  if (!socket) return;
  const timer = setTimeout(() => {
    const error = Object.assign(new Error(`connect timed out after ${connectTimeoutMs} ms`), { code: 'ETIMEDOUT' });
    socket.destroy(error);
  }, connectTimeoutMs);
  socket.once('connect', () => clearTimeout(timer));
  socket.once('close', () => clearTimeout(timer));
}

class ConnectTimeoutHttpAgent extends http.Agent {
  constructor(private readonly connectTimeoutMs: number) {
    // No keep-alive: a pooled socket the server closed while idle fails the next request with
    // ECONNRESET, and a forwarded POST cannot be retried blindly. One connection per request.
    super({ keepAlive: false });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectCallback): Duplex | null | undefined {
    const socket = super.createConnection(options, callback);
    boundConnect(socket, this.connectTimeoutMs);
    return socket;
  }
}

class ConnectTimeoutHttpsAgent extends https.Agent {
  constructor(private readonly connectTimeoutMs: number) {
    super({ keepAlive: false });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectCallback): Duplex | null | undefined {
    const socket = super.createConnection(options, callback);
    boundConnect(socket, this.connectTimeoutMs);
    return socket;
  }
}

export interface ConnectTimeoutAgents {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
}

export const connectTimeoutAgents = (connectTimeoutMs: number): ConnectTimeoutAgents => ({
  httpAgent: new ConnectTimeoutHttpAgent(connectTimeoutMs),
  httpsAgent: new ConnectTimeoutHttpsAgent(connectTimeoutMs),
});
