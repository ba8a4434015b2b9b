import { type ApiLinkBase, resourceLinks } from '../../api/links';
import { type ApiVersion, atLeast } from '../../api/microversion';

type Json = Record<string, unknown>;

/** Nova's microversion from which a server in a cell that does not answer is shown partially (servers.py). */
export const DOWN_CELL_MIN_VERSION = '2.69';

/** What podgate knows of a server without asking its pod: its route. */
export interface RoutedServerFacts {
  readonly serverId: string;
  readonly projectId: string;
  /** The user-visible AZ. */
  readonly azName: string;
  /** ISO-8601, when the route is in rm_routings (its projection may lag just after a create). */
  readonly createdAt?: string;
}

/** Nova's utils.isotime: whole seconds, `Z`. */
export const novaIsoTime = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z');

/**
 * GET /servers/{id} from 2.69 for a server whose pod does not answer: Nova's _show_from_down_cell,
 * key for key and in its order, from what podgate knows. Nova fills image, flavor, AZ and user from
 * the request spec in its API database; podgate keeps no copy of those, so each takes the value Nova
 * itself gives when it lacks them: image "" (no image id), flavor {} (flavor gone), user_id "UNKNOWN".
 * The AZ is known (the pod's user-visible one), power_state is Nova's constant 0 (NOSTATE), and
 * server_groups (2.71+) is empty, group membership living in the pod. `created` is left out in the
 * short while after a create when the route is not yet projected (Nova always has it).
 */
export function downPodServerBody(facts: RoutedServerFacts, version: ApiVersion, links: ApiLinkBase): Json {
  const server: Json = {
    id: facts.serverId,
    status: 'UNKNOWN',
    tenant_id: facts.projectId,
    ...(facts.createdAt === undefined ? {} : { created: novaIsoTime(facts.createdAt) }),
    links: resourceLinks(links, 'servers', facts.serverId),
    image: '',
    flavor: {},
    'OS-EXT-AZ:availability_zone': facts.azName,
    'OS-EXT-STS:power_state': 0,
    user_id: 'UNKNOWN',
  };
  if (atLeast(version, '2.71')) server.server_groups = [];
  return { server };
}
