// The simulated Keystone's users, projects and role assignments (read-only after start).
import { stableHexId } from '../ids';
import { IdentitySeed } from './seed';

export interface Domain {
  id: string;
  name: string;
}

export interface Project {
  id: string;
  name: string;
  description: string;
  domain: Domain;
}

export interface Role {
  id: string;
  name: string;
}

export interface User {
  id: string;
  name: string;
  password: string;
  domain: Domain;
  defaultProjectId?: string;
}

// Keystone's bootstrap makes admin imply member and member imply reader; tokens list them all.
const IMPLIED: Record<string, string[]> = { admin: ['member'], member: ['reader'] };

export class IdentityDirectory {
  readonly domain: Domain;
  private readonly projects = new Map<string, Project>();
  private readonly roles = new Map<string, Role>();
  private readonly users = new Map<string, User>();
  /** userId -> projectId -> role names */
  private readonly assignments = new Map<string, Map<string, Set<string>>>();

  constructor(seed: IdentitySeed) {
    this.domain = seed.domain ?? { id: 'default', name: 'Default' };
    for (const p of seed.projects) {
      const project = {
        id: p.id ?? stableHexId(`project:${p.name}`),
        name: p.name,
        description: p.description ?? '',
        domain: this.domain,
      };
      this.projects.set(project.id, project);
    }
    for (const name of new Set([...seed.roles, 'admin', 'member', 'reader']))
      this.roles.set(name, { id: stableHexId(`role:${name}`), name });
    for (const u of seed.users) this.addUser(u.name, u.password, u.id, u.defaultProject, u.roles);
  }

  private addUser(
    name: string,
    password: string,
    id: string | undefined,
    defaultProject: string | undefined,
    roles: Record<string, string[]>,
  ): void {
    const user: User = { id: id ?? stableHexId(`user:${name}`), name, password, domain: this.domain };
    if (defaultProject) user.defaultProjectId = this.requireProject(defaultProject).id;
    this.users.set(user.id, user);
    const byProject = new Map<string, Set<string>>();
    for (const [projectName, roleNames] of Object.entries(roles)) {
      const expanded = new Set<string>();
      const add = (r: string) => {
        if (expanded.has(r)) return;
        expanded.add(r);
        (IMPLIED[r] ?? []).forEach(add);
      };
      roleNames.forEach(add);
      byProject.set(this.requireProject(projectName).id, expanded);
    }
    this.assignments.set(user.id, byProject);
  }

  private requireProject(name: string): Project {
    const project = this.findProject({ name });
    if (!project) throw new Error(`seed refers to unknown project "${name}"`);
    return project;
  }

  findUser(ref: { id?: string; name?: string }): User | undefined {
    if (ref.id) return this.users.get(ref.id);
    return [...this.users.values()].find((u) => u.name === ref.name);
  }

  findProject(ref: { id?: string; name?: string }): Project | undefined {
    if (ref.id) return this.projects.get(ref.id);
    return [...this.projects.values()].find((p) => p.name === ref.name);
  }

  getProject(id: string): Project | undefined {
    return this.projects.get(id);
  }

  getUser(id: string): User | undefined {
    return this.users.get(id);
  }

  rolesOn(userId: string, projectId: string): Role[] {
    const names = this.assignments.get(userId)?.get(projectId) ?? new Set<string>();
    return [...names].map((n) => this.roles.get(n)).filter((r): r is Role => r !== undefined);
  }

  projectsOf(userId: string): Project[] {
    return [...(this.assignments.get(userId)?.keys() ?? [])].map((id) => this.projects.get(id)).filter((p): p is Project => !!p);
  }

  listProjects(): Project[] {
    return [...this.projects.values()];
  }

  listUsers(): User[] {
    return [...this.users.values()];
  }

  listRoles(): Role[] {
    return [...this.roles.values()];
  }
}
