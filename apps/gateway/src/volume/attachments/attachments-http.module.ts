// CONTRACT STUB (session 4): the attachments helper fills this module.
import { Module } from '@nestjs/common';

@Module({})
export class AttachmentsHttpModule {}
