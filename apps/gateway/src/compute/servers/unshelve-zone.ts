import { DomainError } from '@podgate/kernel';
import { type ApiVersion, atLeast } from '../../api/microversion';
import { invalidInputDetail } from '../validation/invalid-input-detail';
import { firstViolation, type JsonSchema } from '../validation/nova-json-schema';
import type { AzPair } from './server-body-view';

/** Nova's 400 when the AZ to unshelve into is not one of its available zones (compute/api.py `_validate_unshelve_az`). */
export class UnshelveZoneNotAvailableError extends DomainError {
  readonly code = 'SERVERS.UNSHELVE_ZONE_NOT_AVAILABLE';
  readonly kind = 'badRequest';
  constructor() {
    super('The requested availability zone is not available');
  }
}

/** An unshelve body Nova's schema refuses; Nova's detail. */
export class InvalidUnshelveBodyError extends DomainError {
  readonly code = 'SERVERS.INVALID_UNSHELVE_BODY';
  readonly kind = 'badRequest';
}

/** From 2.77 unshelve takes an AZ; from 2.91 also a host, and a null AZ to unpin. */
const AZ_VERSION = '2.77';
const HOST_VERSION = '2.91';

// nova/api/openstack/compute/schemas/shelve.py, key order kept (the first violation is reported).
const UNSHELVE_V277: JsonSchema = {
  type: 'object',
  properties: {
    unshelve: {
      type: ['object', 'null'],
      properties: { availability_zone: { type: 'string', minLength: 1, maxLength: 255, format: 'name' } },
      required: ['availability_zone'],
      additionalProperties: false,
    },
  },
  required: ['unshelve'],
  additionalProperties: false,
};
const UNSHELVE_V291: JsonSchema = {
  type: 'object',
  properties: {
    unshelve: {
      oneOf: [
        {
          type: ['object'],
          properties: {
            availability_zone: { oneOf: [{ type: ['null'] }, { type: 'string' }] },
            host: { type: 'string' },
          },
          additionalProperties: false,
        },
        { type: ['null'] },
      ],
    },
  },
  required: ['unshelve'],
  additionalProperties: false,
};

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The AZ a POST /servers/{id}/action `unshelve` body names for the user (2.77+), checked against
 * Nova's schema first as Nova does; undefined when it names none (or null, the 2.91 unpin, which the
 * pod takes as it is). Below 2.77 Nova ignores an AZ: so does podgate.
 */
export function requestedUnshelveZone(body: unknown, version: ApiVersion): string | undefined {
  if (!atLeast(version, AZ_VERSION)) return undefined;
  const unshelve = isRecord(body) ? body.unshelve : undefined;
  const zone = isRecord(unshelve) ? unshelve.availability_zone : undefined;
  if (typeof zone !== 'string') return undefined;
  const violation = firstViolation(atLeast(version, HOST_VERSION) ? UNSHELVE_V291 : UNSHELVE_V277, body);
  if (violation) throw new InvalidUnshelveBodyError(invalidInputDetail(violation));
  return zone;
}

/**
 * The body as the server's pod must get it: the user's AZ is the pod's own there. A server never
 * leaves its pod, so any other AZ (another pod's, or none podgate has) is not available to it.
 */
export function unshelveBodyForPod(body: Json, zone: string, pod: AzPair): Json {
  if (zone !== pod.azName) throw new UnshelveZoneNotAvailableError();
  return { ...body, unshelve: { ...(body.unshelve as Json), availability_zone: pod.podAzName } };
}
