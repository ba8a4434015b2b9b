import { Injectable } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject } from '@nestjs/swagger';
import { DomainError } from '@podgate/kernel';

export class AdminApiDocumentMissingError extends DomainError {
  readonly code = 'ADMIN.OPENAPI_NOT_PUBLISHED';
  readonly kind = 'serviceUnavailable';
  constructor() {
    super('The OpenAPI document of the admin API has not been published by this process.');
  }
}

/**
 * Holds the admin API's OpenAPI document once the app has published it (publishAdminApiDocument):
 * SwaggerModule.createDocument needs the application itself, which no provider can inject.
 */
@Injectable()
export class AdminApiDocument {
  private document?: OpenAPIObject;

  publish(document: OpenAPIObject): void {
    this.document = document;
  }

  get(): OpenAPIObject {
    if (!this.document) throw new AdminApiDocumentMissingError();
    return this.document;
  }
}

export function adminApiDocumentInfo(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('podgate admin API')
    .setDescription(
      'Pods, tenant bindings, resource routings and the audit log of podgate. Every call but version discovery and ' +
        'this document needs X-Auth-Token and passes the policy rule named on it (default role:admin). Errors use the ' +
        'OpenStack envelope {"<kind>": {"code": <status>, "message": "..."}}.',
    )
    .setVersion('v1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Auth-Token' }, 'keystone')
    .addSecurityRequirements('keystone')
    .build();
}
