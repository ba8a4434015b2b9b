import { Controller, Get, Inject } from '@nestjs/common';
import { listAllPods } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { availabilityZones } from '../../compute/availability-zones/availability-zones';
import { Policy } from '../../http/policy';

/**
 * Cinder's GET /os-availability-zone over podgate's pods: the same zones the compute API lists
 * (podgate's AZ names, available while one of their pods is usable), in Cinder's shape, which has
 * no `hosts` (views/availability_zones.py).
 */
@Controller('volume/v3/os-availability-zone')
export class VolumeAvailabilityZonesController {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  @Get()
  @Policy('volume:volumes')
  async index() {
    const { availabilityZoneInfo } = availabilityZones(await listAllPods(this.sql, { status: 'active' }), false);
    return { availabilityZoneInfo: availabilityZoneInfo.map(({ zoneName, zoneState }) => ({ zoneName, zoneState })) };
  }
}
