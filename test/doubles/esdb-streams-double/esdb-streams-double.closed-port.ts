import { createServer } from 'node:net';

/**
 * TEST SUPPORT: a 127.0.0.1 port where nothing listens, for "store unreachable" checks. The port
 * was free a moment ago and is closed again, so connecting to it is refused at once.
 */
export function findClosedLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port was assigned'))));
    });
  });
}
