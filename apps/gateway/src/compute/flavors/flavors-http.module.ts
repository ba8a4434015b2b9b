import { Module } from '@nestjs/common';
import { FlavorsModule } from '@podgate/flavors';
import { FlavorAccessController } from './flavor-access.controller';
import { FlavorExtraSpecsController } from './flavor-extra-specs.controller';
import { FlavorsController } from './flavors.controller';

/**
 * The compute API's flavor endpoints over the flavors slice (whose FlavorsModule also runs the
 * reconciler that pushes flavors to pods). Import it into ComputeModule; it relies on the app's
 * RuntimeModule, CqrsModule.forRoot(), UpstreamModule (PodProxy, KEYSTONE_CLIENT) and the compute
 * hooks (microversion, project-form URLs).
 */
@Module({
  imports: [FlavorsModule],
  controllers: [FlavorsController, FlavorExtraSpecsController, FlavorAccessController],
})
export class FlavorsHttpModule {}
