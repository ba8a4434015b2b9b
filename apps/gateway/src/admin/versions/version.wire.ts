import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requestOrigin } from '../request-origin';

export const ADMIN_API_VERSION = 'v1.0';

const VersionWire = z.object({
  id: z.literal(ADMIN_API_VERSION),
  status: z.literal('CURRENT'),
  links: z.array(z.object({ rel: z.literal('self'), href: z.string() })),
});
type VersionWire = z.output<typeof VersionWire>;

export const VersionsResponse = z.object({ versions: z.array(VersionWire) });
export const VersionResponse = z.object({ version: VersionWire });

/** The admin API's one version, linked on the address the client used (as Keystone and Nova do). */
export function currentVersion(request: FastifyRequest): VersionWire {
  return {
    id: ADMIN_API_VERSION,
    status: 'CURRENT',
    links: [{ rel: 'self', href: `${requestOrigin(request)}/${ADMIN_API_VERSION}` }],
  };
}
