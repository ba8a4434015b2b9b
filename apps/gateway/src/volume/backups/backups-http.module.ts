// CONTRACT STUB (session 4): the backups helper fills this module.
import { Module } from '@nestjs/common';

@Module({})
export class BackupsHttpModule {}
