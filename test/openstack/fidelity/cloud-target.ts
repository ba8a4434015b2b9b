/** One OpenStack cloud region reached the way a client does: password auth, then the catalog. */
export interface CloudCredentials {
  readonly label: string;
  readonly authUrl: string;
  readonly username: string;
  readonly password: string;
  readonly projectName: string;
  readonly region: string;
}

export interface CloudTarget {
  readonly label: string;
  readonly token: string;
  readonly projectId: string;
  readonly endpoints: Readonly<Record<'compute' | 'volume' | 'image', string | undefined>>;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

interface CatalogEntry {
  type: string;
  endpoints: { interface: string; region?: string; region_id?: string; url: string }[];
}

export async function connect(credentials: CloudCredentials): Promise<CloudTarget> {
  const domain = { name: 'Default' };
  const response = await fetch(`${credentials.authUrl}/auth/tokens`, {
    signal: AbortSignal.timeout(30_000),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: credentials.username, domain, password: credentials.password } },
        },
        scope: { project: { name: credentials.projectName, domain } },
      },
    }),
  }).catch((error: Error) => {
    throw new Error(`${credentials.label}: cannot reach Keystone at ${credentials.authUrl} (${error.cause ?? error.message})`);
  });
  if (response.status !== 201) throw new Error(`${credentials.label}: Keystone answered ${response.status}`);
  const { token } = (await response.json()) as { token: { project: { id: string }; catalog: CatalogEntry[] } };
  const find = (...types: string[]) =>
    token.catalog
      .filter((entry) => types.includes(entry.type))
      .flatMap((entry) => entry.endpoints)
      .find((e) => e.interface === 'public' && (e.region_id ?? e.region) === credentials.region)
      ?.url.replace('%(project_id)s', token.project.id)
      .replace(/\/$/, '');
  return {
    label: credentials.label,
    token: response.headers.get('x-subject-token')!,
    projectId: token.project.id,
    endpoints: { compute: find('compute'), volume: find('volumev3', 'block-storage'), image: find('image') },
  };
}

export async function call(
  target: CloudTarget,
  service: keyof CloudTarget['endpoints'],
  method: string,
  path: string,
  options: { body?: unknown; microversion?: string; token?: string | null } = {},
): Promise<Answer> {
  const base = target.endpoints[service];
  if (!base) throw new Error(`${target.label} has no ${service} endpoint`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token !== null) headers['x-auth-token'] = options.token ?? target.token;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.microversion) headers['openstack-api-version'] = options.microversion;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: compared as a string.
  }
  return { status: response.status, body, headers: response.headers };
}

/** Polls `path` until `body[resource].status` is `status`; fails at `failed` or after `timeoutMs`. */
export async function waitForStatus(
  target: CloudTarget,
  service: 'compute' | 'volume',
  path: string,
  wanted: { resource: string; status: string; failed: string; microversion: string },
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call(target, service, 'GET', path, { microversion: wanted.microversion });
    const current = (answer.body as Record<string, { status?: string } | undefined>)[wanted.resource]?.status;
    if (current === wanted.status) return;
    if (current === wanted.failed || Date.now() > deadline)
      throw new Error(`${target.label}: ${path} is ${current}, waited for ${wanted.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
