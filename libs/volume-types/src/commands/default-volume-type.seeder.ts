import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { systemContext } from '@podgate/kernel';
import { DEFAULT_VOLUME_TYPE, DEFAULT_VOLUME_TYPE_ID } from '../domain/default-volume-type';
import { VolumeTypeWriter } from './volume-type-writer';

/**
 * Defines podgate's default type (`__DEFAULT__`, see default-volume-type.ts) at the first start, so
 * GET /types/default and a volume create without a type have one. Idempotent across restarts and
 * replicas: one fixed id, and a stream that already has it is left alone (also once an admin changed it).
 */
@Injectable()
export class DefaultVolumeTypeSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DefaultVolumeTypeSeeder.name);

  constructor(private readonly writer: VolumeTypeWriter) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.seed();
    } catch (error) {
      // a start must not fail on it: the next start tries again
      this.logger.warn(`default volume type not defined: ${(error as Error).message}`);
    }
  }

  /** True when this call defined it. */
  async seed(): Promise<boolean> {
    const state = await this.writer.load(DEFAULT_VOLUME_TYPE_ID);
    if (state.status !== 'undefined') return false;
    const command = {
      type: 'DefineVolumeType',
      typeId: DEFAULT_VOLUME_TYPE_ID,
      definition: DEFAULT_VOLUME_TYPE,
      extraSpecs: {},
    } as const;
    const { events } = await this.writer.decide(command, systemContext());
    return events.length > 0;
  }
}
