// The real Keystone of test/system/keystone/keystone-server.sh, as the identity system suites use it:
// fresh tokens from password authentication (never the simulator's issueToken) and revocation by
// the token's own holder.
import type { ServiceCredentials } from '@podgate/config';
import axios from 'axios';

export interface IssuedToken {
  /** SECURITY: test-only token of a loopback Keystone. */
  readonly id: string;
  readonly userId: string;
  readonly projectId: string;
  readonly roles: string[];
  readonly expiresAt: string;
}

interface TokenBody {
  token: { user: { id: string }; project: { id: string }; roles: { name: string }[]; expires_at: string };
}

/** The seeded users (domain Default) and the project each one has a role on. */
export const USERS = {
  podgate: { password: 'podgate-secret', project: 'service' },
  alice: { password: 'alice-secret', project: 'tenant-a' },
  bob: { password: 'bob-secret', project: 'tenant-b' },
  admin: { password: 'system-admin-secret', project: 'admin' },
} as const;

export type SeededUser = keyof typeof USERS;

/** The gateway's service user (podgate, admin and service on project service), as KeystoneClient takes it. */
export const SERVICE: ServiceCredentials = {
  username: 'podgate',
  password: USERS.podgate.password,
  projectName: USERS.podgate.project,
  userDomainName: 'Default',
  projectDomainName: 'Default',
};

const http = axios.create({ validateStatus: () => true, timeout: 30_000 });

/** KEYSTONE_TEST_URL (ends in /v3), or a failure that says how to get it. */
export function keystoneTestUrl(): string {
  const url = process.env.KEYSTONE_TEST_URL;
  if (!url) {
    throw new Error('KEYSTONE_TEST_URL is not set: run `npm run test:system`, or `bash test/system/keystone/keystone-server.sh`');
  }
  return url.replace(/\/+$/, '');
}

/** The identity URL without /v3, as `WWW-Authenticate: Keystone uri="..."` names it. */
export const keystoneAuthUri = (): string => keystoneTestUrl().replace(/\/v3$/, '');

/** A project-scoped token of a seeded user on their project, from POST /v3/auth/tokens. */
export async function issueToken(user: SeededUser): Promise<IssuedToken> {
  const { password, project } = USERS[user];
  const response = await http.post<TokenBody>(`${keystoneTestUrl()}/auth/tokens?nocatalog`, {
    auth: {
      identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password } } },
      scope: { project: { name: project, domain: { name: 'Default' } } },
    },
  });
  if (response.status !== 201) throw new Error(`Keystone refused ${user}'s password: HTTP ${response.status}`);
  const { token } = response.data;
  return {
    id: String(response.headers['x-subject-token']),
    userId: token.user.id,
    projectId: token.project.id,
    roles: token.roles.map((role) => role.name),
    expiresAt: token.expires_at,
  };
}

/** DELETE /v3/auth/tokens by the token's holder: Keystone answers 404 for it from now on, as for an expired one. */
export async function revokeToken(token: string): Promise<void> {
  const response = await http.delete(`${keystoneTestUrl()}/auth/tokens`, {
    headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
  });
  if (response.status !== 204) throw new Error(`Keystone did not revoke the token: HTTP ${response.status}`);
}
