import { Controller, Get, Inject } from '@nestjs/common';
import { listAllPods } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { Policy } from '../../http/policy';
import { availabilityZones } from './availability-zones';

/** Nova's os-availability-zone over podgate's pods: the zones users pick from, never the pods' own. */
@Controller('compute/v2.1/os-availability-zone')
export class AvailabilityZonesController {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  @Get()
  @Policy('compute:availability_zones:list')
  async index() {
    return availabilityZones(await listAllPods(this.sql, { status: 'active' }), false);
  }

  @Get('detail')
  @Policy('compute:availability_zones:detail')
  async detail() {
    return availabilityZones(await listAllPods(this.sql, { status: 'active' }), true);
  }
}
