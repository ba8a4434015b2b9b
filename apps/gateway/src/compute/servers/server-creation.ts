import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { affinityTagOf, findVisibleFlavor } from '@podgate/flavors';
import type { RequestContext } from '@podgate/kernel';
import { listAllPods } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { CreateServerCommand, type CreateServerResult, type ServerForward } from '@podgate/servers';
import type { SqlClient } from '@podgate/sql';
import type { ApiVersion } from '../../api/microversion';
import { InvalidCreateServerBodyError, validateCreateServerBody } from './create-validation/create-server-body';
import type { RequestedZone } from './create-validation/requested-zone';
import { ServerScope } from './server-scope';

/**
 * POST /servers up to the servers slice: Nova's body checks, the flavor (its affinity tag picks the
 * pod; one the project may not use is "not found", a 400, as in Nova) and the AZ, then
 * CreateServerCommand, which picks the pod, records the intent and forwards.
 */
@Injectable()
export class ServerCreation {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    private readonly scope: ServerScope,
  ) {}

  async create(body: unknown, version: ApiVersion, context: RequestContext, forward: ServerForward): Promise<CreateServerResult> {
    const valid = validateCreateServerBody(body, version);
    const { projectId } = context.caller;
    const flavor = await findVisibleFlavor(this.sql, valid.flavorId, { projectId, isAdmin: this.scope.isAdmin(context) });
    if (!flavor) throw new InvalidCreateServerBodyError(`Flavor ${valid.flavorId} could not be found.`);
    await this.checkZone(valid.requestedZone);
    return this.commands.execute(
      new CreateServerCommand(
        {
          projectId,
          azName: valid.requestedZone.zone,
          affinityTag: affinityTagOf(flavor.extraSpecs),
          flavorRef: valid.flavorId,
          body: valid.body,
          forward,
        },
        context,
      ),
    );
  }

  /**
   * Nova's check (compute/api.py): a zone named without a forced host must be an available one;
   * podgate's are the user-visible AZs of active pods.
   */
  private async checkZone({ zone, hostSuffix }: RequestedZone): Promise<void> {
    const forcedHost = hostSuffix !== '' && !hostSuffix.startsWith('::');
    if (zone === null || forcedHost) return;
    const pods = await listAllPods(this.sql, { azName: zone, status: 'active' });
    if (pods.length === 0) throw new InvalidCreateServerBodyError('The requested availability zone is not available');
  }
}
