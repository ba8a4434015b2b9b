import { Module } from '@nestjs/common';
import { AvailabilityZonesController } from './availability-zones.controller';

/** GET /compute/v2.1/os-availability-zone[/detail]; needs only READ_MODEL_SQL (RuntimeModule) and the compute hooks. */
@Module({ controllers: [AvailabilityZonesController] })
export class AvailabilityZonesHttpModule {}
