import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StartedProcess, freePort, startProcess, waitUntil } from './child-process';

export const NGINX = '/usr/sbin/nginx';
/** Debian's unprivileged user and group (nobody:nogroup). */
const NOBODY = 65534;

export interface NginxProxy {
  readonly url: string;
  readonly version: string;
  readonly workers: number;
  readonly process: StartedProcess;
}

/**
 * Debian's nginx as a plain reverse proxy in front of one upstream: keep-alive to the upstream (as
 * podgate's pod proxy keeps its sockets), no access log (podgate's request log is comparable only at
 * info level; see the results' settings), one worker: podgate is one Node process, and the machine
 * has two cores for the load generator, the pod, and the proxy together.
 */
export async function startNginx(upstream: string, dir: string, workers = 1): Promise<NginxProxy> {
  const port = await freePort();
  const prefix = join(dir, 'nginx');
  for (const sub of ['', 'tmp']) mkdirSync(join(prefix, sub), { recursive: true });
  const { host } = new URL(upstream);
  writeFileSync(join(prefix, 'nginx.conf'), config(host, port, prefix, workers));
  // Unprivileged: as root, setpriv drops to nobody before exec, so the pid is nginx's master itself.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const path of [dir, prefix, join(prefix, 'tmp')]) chownSync(path, NOBODY, NOBODY);
  }
  const args = ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log'), '-g', 'daemon off;'];
  const started = asRoot
    ? startProcess('/usr/bin/setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', NGINX, ...args], {
        env: {},
        logFile: join(dir, 'nginx.out'),
      })
    : startProcess(NGINX, args, { env: {}, logFile: join(dir, 'nginx.out') });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('nginx', async () => (await fetch(`${url}/__nginx_alive`)).status > 0, started, 15_000).catch(
    async (error: unknown) => {
      await started.stop('SIGQUIT');
      throw error;
    },
  );
  return { url, version: nginxVersion(), workers, process: started };
}

function config(upstreamHost: string, port: number, prefix: string, workers: number): string {
  return `worker_processes ${workers};
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  keepalive_requests 1000000;
  upstream pod {
    server ${upstreamHost};
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://pod;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
    }
  }
}
`;
}

/** `nginx -v` prints to stderr, e.g. `nginx version: nginx/1.22.1`. */
function nginxVersion(): string {
  try {
    return execFileSync('/bin/sh', ['-c', `${NGINX} -v 2>&1`], { encoding: 'utf8' })
      .replace(/^nginx version:\s*/, '')
      .trim();
  } catch {
    return 'unknown';
  }
}
