/** Small OpenStack HTTP calls the benchmark needs before and after the load (never during it). */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

export async function call(
  url: string,
  method: string,
  token: string | undefined,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (token !== undefined) headers['x-auth-token'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: kept as text for the error message
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Throws with the method, URL, status and body when the status is not the expected one. */
export async function expectStatus(
  url: string,
  method: string,
  token: string | undefined,
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Answer> {
  const answer = await call(url, method, token, body, headers);
  if (answer.status !== status)
    throw new Error(
      `${method} ${url} answered ${answer.status}, expected ${status}: ${JSON.stringify(answer.body).slice(0, 400)}`,
    );
  return answer;
}

/** A project-scoped token by password (Keystone v3). */
export async function issueToken(authUrl: string, user: string, password: string, project: string): Promise<string> {
  const domain = { name: 'Default' };
  const answer = await expectStatus(`${authUrl}/auth/tokens?nocatalog`, 'POST', undefined, 201, {
    auth: {
      identity: { methods: ['password'], password: { user: { name: user, domain, password } } },
      scope: { project: { name: project, domain } },
    },
  });
  const token = answer.headers.get('x-subject-token');
  if (!token) throw new Error(`Keystone issued no token for ${user}`);
  return token;
}

/** Polls GET <computeUrl>/servers/<id> until the status is `wanted`; ERROR or 2 minutes fail. */
export async function waitForServer(computeUrl: string, token: string, id: string, wanted = 'ACTIVE'): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await expectStatus(`${computeUrl}/servers/${id}`, 'GET', token, 200);
    const status = (answer.body as { server: { status: string } }).server.status;
    if (status === wanted) return;
    if (status === 'ERROR' || Date.now() > deadline) throw new Error(`server ${id} is ${status}, waited for ${wanted}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
