import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { listBindings } from '@podgate/bindings';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { listAllPods } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { tenantScopeOf } from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
import { findVolumeTypeForCreate } from '@podgate/volume-types';
import { CreateVolumeResourceCommand, type CreatedInPod, type CreatePlacement, type VolumeForward } from '@podgate/volumes';
import type { ApiVersion } from '../../../api/microversion';
import { refuseTagWrites } from '../../../api/provisioning-tag';
import { podAzOf } from '../../az-translation';
import { volumeTypeNotFound } from '../volume-type-ref';
import { InvalidCreateVolumeBodyError, type ValidCreateVolume, validateCreateVolumeBody } from './create-volume-body';

/** The caller's call to forward once the pod is known, minus the body (built per pod). */
export type CreateForward = Omit<VolumeForward, 'body'>;

/**
 * POST /volumes up to the volumes slice: Cinder's body checks (and none of podgate's provisioning
 * tag in the metadata), the volume type (its affinity tag steers the binding; the pods know it by
 * name, their ids differ), the AZ (podgate's names), then CreateVolumeResourceCommand, which picks
 * the pod, records the intent and forwards. A volume made from a snapshot, volume or backup goes
 * to that resource's pod: a pod cannot copy from another.
 */
@Injectable()
export class VolumeCreation {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'compute'>,
  ) {}

  async create(input: unknown, version: ApiVersion, context: RequestContext, forward: CreateForward): Promise<CreatedInPod> {
    const valid = validateCreateVolumeBody(input, version);
    // The volumes slice puts podgate's provisioning tag in every create's metadata; a user's is refused.
    refuseTagWrites(valid.body.volume.metadata);
    const { projectId } = context.caller;
    const type = await findVolumeTypeForCreate(this.sql, valid.volumeType, projectId, tenantScopeOf(context) === null);
    if (valid.volumeType !== undefined && !type) throw volumeTypeNotFound(valid.volumeType);
    const placement: CreatePlacement = valid.source
      ? { by: 'resource', kind: valid.source.kind, id: valid.source.id }
      : { by: 'binding', azName: await this.zoneFor(valid, projectId), affinityTag: type?.affinityTag ?? null };
    // Only a type the client named goes to the pod: without one Cinder gives a copy its source's
    // type (a differing one is a 400 or a silent retype) and a new volume the pod's default, which
    // podgate's default type is in every pod. The default still steers the binding above.
    const typeName = valid.volumeType === undefined ? undefined : type?.name;
    const forwardFor = (pod: { azName: string }, podAzName: string): VolumeForward => ({
      ...forward,
      body: podBody(valid, { azName: pod.azName, podAzName }, typeName),
    });
    return this.commands.execute(new CreateVolumeResourceCommand('volume', placement, forwardFor, context));
  }

  /**
   * The AZ a new volume goes to: the one named, which must be a podgate AZ with an active pod
   * (Cinder's InvalidAvailabilityZone otherwise), else the configured default, the tenant's bound
   * AZ, the first registered pod's: the servers' order, so both land in the same pod.
   */
  private async zoneFor(valid: ValidCreateVolume, projectId: string): Promise<string> {
    const named = valid.availabilityZone;
    if (named !== null) {
      const pods = await listAllPods(this.sql, { azName: named, status: 'active' });
      if (pods.length === 0) throw new InvalidCreateVolumeBodyError(`Availability zone '${named}' is invalid.`);
      return named;
    }
    if (this.config.compute.defaultAzName) return this.config.compute.defaultAzName;
    const [binding] = await listBindings(this.sql, { projectId, active: true, limit: 1 });
    const [first] = binding ? [binding] : await listAllPods(this.sql, { status: 'active' });
    if (!first) throw new InvalidCreateVolumeBodyError("Availability zone 'nova' is invalid.");
    return first.azName;
  }
}

/**
 * The body the pod gets: its own AZ where podgate's was named or chosen (a copy from a resource
 * keeps the client's value, for the pod to judge, or none: Cinder then takes the source's AZ), and
 * the type the client named, by its name in the pods (none named: the body has none either).
 */
export function podBody(
  valid: ValidCreateVolume,
  pod: { azName: string; podAzName: string },
  typeName: string | undefined,
): Record<string, unknown> {
  const volume: Record<string, unknown> = { ...valid.body.volume };
  if (!valid.source) volume.availability_zone = pod.podAzName;
  else if (valid.availabilityZone !== null) volume.availability_zone = podAzOf(valid.availabilityZone, pod);
  if (typeName !== undefined) volume.volume_type = typeName;
  return { ...valid.body, volume };
}
