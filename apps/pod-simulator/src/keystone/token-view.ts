// Renders a token the way Keystone v3 does for POST and GET /v3/auth/tokens.
import { isoMicrosZulu } from '../clock';
import { CatalogService, substituteProject } from './catalog';
import { Token } from './token-store';

export function renderToken(token: Token, catalog: CatalogService[], withCatalog: boolean): Record<string, unknown> {
  const domain = { id: token.user.domain.id, name: token.user.domain.name };
  const body: Record<string, unknown> = {
    methods: token.methods,
    user: { domain, id: token.user.id, name: token.user.name, password_expires_at: null },
    audit_ids: token.auditIds,
    expires_at: isoMicrosZulu(token.expiresAt),
    issued_at: isoMicrosZulu(token.issuedAt),
  };
  const project = token.project;
  if (project) {
    body.project = { domain: { id: project.domain.id, name: project.domain.name }, id: project.id, name: project.name };
    body.is_domain = false;
    body.roles = token.roles.map((r) => ({ id: r.id, name: r.name }));
    if (withCatalog) body.catalog = renderCatalog(catalog, project.id);
  }
  return { token: body };
}

export function renderCatalog(catalog: CatalogService[], projectId: string): unknown[] {
  return catalog.map((service) => ({
    endpoints: service.endpoints.map((e) => ({
      id: e.id,
      interface: e.interface,
      region_id: e.region,
      url: substituteProject(e.url, projectId),
      region: e.region,
    })),
    id: service.id,
    type: service.type,
    name: service.name,
  }));
}
