// TEST DOUBLE helpers (part of admin-api-double.ts): the error envelope and links pagination.
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** Where the double's next links point: another host, as behind a proxy, so clients must not follow hosts. */
export const DOUBLE_LINK_HOST = 'http://gateway.behind-a-proxy.invalid';

export type Query = Record<string, string | undefined>;
export const envelope = (reply: FastifyReply, status: number, kind: string, message: string) =>
  reply
    .code(status)
    .header('x-openstack-request-id', `req-${randomUUID()}`)
    .send({ [kind]: { code: status, message } });

/** One page of `items` after `marker` (by `idKey`), with a next link while more remain. */
export function page<T>(
  reply: FastifyReply,
  items: T[],
  idKey: keyof T,
  collection: string,
  path: string,
  query: Query,
  pageSize: number,
) {
  const limit = Math.min(Number(query.limit ?? pageSize), 1000);
  let start = 0;
  if (query.marker !== undefined) {
    const index = items.findIndex((item) => String(item[idKey]) === query.marker);
    if (index < 0) return envelope(reply, 400, 'badRequest', `marker ${query.marker} not found`);
    start = index + 1;
  }
  const slice = items.slice(start, start + limit);
  const body: Record<string, unknown> = { [collection]: slice };
  if (start + limit < items.length && slice.length > 0) {
    const next = new URLSearchParams({
      ...definedOnly(query),
      limit: String(limit),
      marker: String(slice[slice.length - 1][idKey]),
    });
    body[`${collection}_links`] = [{ rel: 'next', href: `${DOUBLE_LINK_HOST}${path}?${next}` }];
  }
  return reply.send(body);
}

const definedOnly = (query: Query): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
