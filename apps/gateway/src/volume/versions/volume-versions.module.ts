// CONTRACT STUB (session 4): the versions helper fills this module.
import { Module } from '@nestjs/common';

@Module({})
export class VolumeVersionsModule {}
