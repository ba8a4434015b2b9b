import { Module } from '@nestjs/common';
import { AuditModule } from '@podgate/audit';
import { BindingsModule } from '@podgate/bindings';
import { PodsModule } from '@podgate/pods';
import { RoutingModule } from '@podgate/routing';
import { AuditController } from './audit/audit.controller';
import { BindingsController } from './bindings/bindings.controller';
import { AdminApiDocument } from './openapi/admin-api-document';
import { OpenApiController } from './openapi/openapi.controller';
import { PodsController } from './pods/pods.controller';
import { RoutingsController } from './routings/routings.controller';
import { VersionsController } from './versions/versions.controller';

/**
 * The admin API at /v1.0 (and version discovery at /). Controllers map HTTP to the slices'
 * commands and queries; authentication and policy come from the app's global AccessGuard
 * (AuthModule), the command and query buses from CqrsModule.forRoot(), the stores from RuntimeModule.
 * The app's bootstrap calls publishAdminApiDocument(app) for GET /v1.0/openapi.json.
 */
@Module({
  imports: [PodsModule, BindingsModule, RoutingModule, AuditModule],
  controllers: [VersionsController, PodsController, BindingsController, RoutingsController, AuditController, OpenApiController],
  providers: [AdminApiDocument],
})
export class AdminModule {}
