// Users, projects and roles of the simulated Keystone (a test double). A JSON seed file can
// replace the defaults; ids are derived from names so they are the same on every run.
import { readFileSync } from 'node:fs';

export interface SeedUser {
  name: string;
  password: string;
  id?: string;
  /** Project the user lands in when a token request carries no scope, as Keystone does. */
  defaultProject?: string;
  /** Role names per project name. */
  roles: Record<string, string[]>;
}

export interface SeedProject {
  name: string;
  id?: string;
  description?: string;
}

export interface IdentitySeed {
  domain?: { id: string; name: string };
  projects: SeedProject[];
  roles: string[];
  users: SeedUser[];
}

export const DEFAULT_SEED: IdentitySeed = {
  domain: { id: 'default', name: 'Default' },
  projects: [
    { name: 'admin', description: 'Bootstrap project for initializing the cloud.' },
    { name: 'tenant-a', description: 'Ordinary tenant A' },
    { name: 'tenant-b', description: 'Ordinary tenant B' },
    { name: 'service', description: 'Service users' },
  ],
  roles: ['admin', 'member', 'reader', 'service'],
  users: [
    { name: 'admin', password: 'admin-secret', defaultProject: 'admin', roles: { admin: ['admin'] } },
    { name: 'alice', password: 'alice-secret', defaultProject: 'tenant-a', roles: { 'tenant-a': ['member'] } },
    { name: 'bob', password: 'bob-secret', defaultProject: 'tenant-b', roles: { 'tenant-b': ['member'] } },
    // What a gateway would use to talk to pods on behalf of users, like nova's own service user.
    { name: 'podgate', password: 'podgate-secret', defaultProject: 'service', roles: { service: ['admin', 'service'] } },
  ],
};

export function loadSeed(path: string): IdentitySeed {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<IdentitySeed>;
  if (!Array.isArray(parsed.users) || !Array.isArray(parsed.projects)) {
    throw new Error(`seed file ${path} needs "users" and "projects" arrays`);
  }
  const roleNames = new Set(parsed.roles ?? []);
  for (const user of parsed.users) for (const names of Object.values(user.roles ?? {})) names.forEach((r) => roleNames.add(r));
  return { domain: parsed.domain, projects: parsed.projects, users: parsed.users, roles: [...roleNames] };
}
