// CONTRACT STUB (session 4): the snapshots helper fills this module.
import { Module } from '@nestjs/common';

@Module({})
export class SnapshotsHttpModule {}
