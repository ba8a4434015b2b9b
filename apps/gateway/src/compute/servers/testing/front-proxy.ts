// Test helper (excluded from the build): a load balancer in front of a simulated pod.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FrontProxy {
  /** `http://127.0.0.1:<port>`: use it where the pod's URL would go. */
  readonly url: string;
  /** Requests whose path matches get the proxy's own 404 page instead of reaching the pod. */
  notFoundFor: RegExp | null;
  close(): Promise<void>;
}

/** Passes every request through to `target` unchanged, but can answer an HTML 404 of its own, as proxies do. */
export async function startFrontProxy(target: string): Promise<FrontProxy> {
  const server = createServer((req, res) => {
    if (proxy.notFoundFor?.test((req.url ?? '').split('?')[0])) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    const upstream = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: FrontProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    notFoundFor: null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
