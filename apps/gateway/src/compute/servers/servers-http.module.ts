import { Module } from '@nestjs/common';
import { ProvisioningTagKeeper } from '../../api/provisioning-tag';
import { ServerLister } from './list/server-lister';
import { ServerActionsController } from './server-actions.controller';
import { ServerCalls } from './server-calls';
import { ServerCreation } from './server-creation';
import { ServerScope } from './server-scope';
import { ServersController } from './servers.controller';
import { ServerSubresourcesController } from './server-subresources.controller';

/**
 * The compute API's server endpoints over the servers slice. Import it into ComputeModule, which
 * also imports @podgate/servers' ServersModule (the command and query handlers); it relies on the
 * app's RuntimeModule (config, read model), CqrsModule.forRoot(), UpstreamModule (PodProxy), AuthModule
 * (the policy enforcer, looked up) and the compute hooks (microversion, project-form URLs).
 */
@Module({
  controllers: [ServersController, ServerActionsController, ServerSubresourcesController],
  providers: [ServerCreation, ServerLister, ServerCalls, ServerScope, ProvisioningTagKeeper],
})
export class ServersHttpModule {}
