// CONTRACT STUB (session 4): the volume-types helper fills this module.
import { Module } from '@nestjs/common';

@Module({})
export class VolumeTypesHttpModule {}
