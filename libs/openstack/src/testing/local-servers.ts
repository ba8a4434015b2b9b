// Small servers on real loopback sockets for the pod HTTP tests (excluded from the build).
import { type ChildProcess, spawn } from 'node:child_process';
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';

export interface CapturingServer {
  readonly url: string;
  readonly requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Records every request and answers with `respond`'s status and JSON (or text) body. */
export async function capturingServer(respond: () => { status: number; body: unknown }): Promise<CapturingServer> {
  const requests: CapturingServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const { status, body } = respond();
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A listener whose accept queue is full: the TCP handshake of the next client never completes, as
 * with a black-holed address. A child process listens with the smallest backlog and then blocks its
 * event loop, so nothing is ever accepted; connections made here fill the queue (its length is the
 * kernel's business, so they are made until one stays pending).
 */
export async function unacceptingListener(): Promise<{ port: number; close(): void }> {
  const script = `
    const server = require('node:net').createServer();
    server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
      process.stdout.write(String(server.address().port) + '\\n', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0));
    });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout?.once('data', (data) => resolve(Number(String(data).trim()))));
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 16; i += 1) {
    const filler = net.connect(port, '127.0.0.1');
    fillers.push(filler);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      filler.once('connect', () => (clearTimeout(timer), resolve(true)));
    });
    if (!connected) break;
  }
  return {
    port,
    close: () => {
      for (const filler of fillers) filler.destroy();
      child.kill('SIGKILL');
    },
  };
}
