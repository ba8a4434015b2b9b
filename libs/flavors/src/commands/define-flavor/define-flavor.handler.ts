import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deterministicId } from '@podgate/kernel';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import { FlavorNameExistsError } from '../../domain/flavor.errors';
import { findLiveFlavorIdByName } from '../../queries/flavors/find-flavor.query';
import type { FlavorView } from '../../queries/flavors/flavor-view';
import { flavorViewOf } from '../flavor-view-of-state';
import { FlavorWriter } from '../flavor-writer';
import { DefineFlavorCommand } from './define-flavor.command';

/**
 * Names are unique among live flavors, across streams, so the name is checked on rm_flavors
 * first; a name held by the same id is left to the decider, which answers the id's 409.
 * Two admins defining one name at the same instant under two ids can both pass: accepted, as
 * the read model is the only index of names.
 */
@CommandHandler(DefineFlavorCommand)
export class DefineFlavorHandler implements ICommandHandler<DefineFlavorCommand> {
  constructor(
    private readonly writer: FlavorWriter,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor,
  ) {}

  async execute({ input, context }: DefineFlavorCommand): Promise<FlavorView> {
    const flavorId = input.flavorId ?? deterministicId('flavor', context.requestId);
    const holder = await findLiveFlavorIdByName(this.sql, input.definition.name);
    if (holder !== undefined && holder !== flavorId) throw new FlavorNameExistsError(input.definition.name);
    const { state } = await this.writer.decide({ type: 'DefineFlavor', flavorId, definition: input.definition }, context);
    return flavorViewOf(state, flavorId);
  }
}
