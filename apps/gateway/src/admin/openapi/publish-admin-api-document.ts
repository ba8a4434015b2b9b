import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { AdminModule } from '../admin.module';
import { AdminApiDocument, adminApiDocumentInfo } from './admin-api-document';

/**
 * Builds the admin API's OpenAPI document from its controllers' decorators (whose schemas are the
 * zod schemas that validate the requests) and hands it to GET /v1.0/openapi.json. Called once by
 * the app's bootstrap, after NestFactory.create: only AdminModule's routes are described, not the
 * health checks or the OpenStack APIs.
 */
export function publishAdminApiDocument(app: INestApplication): void {
  const document = SwaggerModule.createDocument(app, adminApiDocumentInfo(), { include: [AdminModule] });
  app.get(AdminApiDocument).publish(document);
}
