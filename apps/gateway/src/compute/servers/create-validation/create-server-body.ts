import { DomainError } from '@podgate/kernel';
import type { ApiVersion } from '../../../api/microversion/api-version';
import { createServerSchemaFor } from './create-server.schemas';
import { flavorIdFromRef } from './flavor-ref';
import { invalidInputDetail } from '../../validation/invalid-input-detail';
import { firstViolation } from '../../validation/nova-json-schema';
import { pyRepr } from '../../validation/python-repr';
import { parseRequestedZone, type RequestedZone, UNPARSABLE_ZONE_MESSAGE } from './requested-zone';

/** A POST /servers body Nova would refuse before reaching its cloud: a 400 with Nova's detail. */
export class InvalidCreateServerBodyError extends DomainError {
  readonly code = 'SERVERS.INVALID_CREATE_BODY';
  readonly kind = 'badRequest';
}

export type CreateServerBody = { readonly server: Record<string, unknown> } & Record<string, unknown>;

/** What podgate itself needs from a valid body; the body itself goes to the pod as it came. */
export interface ValidCreateServerBody {
  readonly body: CreateServerBody;
  /** The flavor id `flavorRef` names (an id, or a link to one). */
  readonly flavorId: string;
  readonly requestedZone: RequestedZone;
  readonly minCount: number;
  readonly maxCount: number;
}

/**
 * Nova's checks of a create body that need no cloud, in Nova's order: its schema for `version`,
 * then min_count <= max_count (servers.py `create`), then the availability zone's form
 * (parse_availability_zone). The rest (images, networks, block devices, quotas) the pod decides.
 * SECURITY: messages never carry adminPass, user_data or file contents (invalid-input-detail.ts).
 */
export function validateCreateServerBody(body: unknown, version: ApiVersion): ValidCreateServerBody {
  const violation = firstViolation(createServerSchemaFor(version), body);
  if (violation) throw new InvalidCreateServerBodyError(invalidInputDetail(violation));
  const valid = body as CreateServerBody;
  const server = valid.server;
  const minCount = countOf('min_count', server.min_count, 1);
  const maxCount = countOf('max_count', server.max_count, minCount);
  if (minCount > maxCount) throw new InvalidCreateServerBodyError('min_count must be <= max_count');
  const requestedZone = parseRequestedZone(server.availability_zone as string | undefined);
  if (!requestedZone) throw new InvalidCreateServerBodyError(UNPARSABLE_ZONE_MESSAGE);
  return { body: valid, flavorId: flavorIdFromRef(server.flavorRef as string | number), requestedZone, minCount, maxCount };
}

/**
 * The schema admits digit strings, which Nova reads with int(). Python's `$` lets a lone "\n"
 * through the schema too, and int() then fails (a 500 from Nova): a 400 here.
 */
function countOf(field: string, value: unknown, absent: number): number {
  if (value === undefined) return absent;
  if (typeof value === 'number') return value;
  const text = String(value);
  if (!/^\s*[0-9]+\s*$/.test(text)) {
    throw new InvalidCreateServerBodyError(
      `Invalid input for field/attribute ${field}. Value: ${text}. ${pyRepr(text)} is not a positive integer`,
    );
  }
  return Number(text);
}
