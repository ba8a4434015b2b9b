// CONTRACT STUB (session 4): the volumes helper fills this module.
import { Module } from '@nestjs/common';

@Module({})
export class VolumesHttpModule {}
