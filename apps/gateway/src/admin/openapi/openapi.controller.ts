import { Controller, Get } from '@nestjs/common';
import { ApiResponse, ApiTags, type OpenAPIObject } from '@nestjs/swagger';
import { Public } from '../../http/auth';
import { AdminApiDocument } from './admin-api-document';

/** GET /v1.0/openapi.json, public: clients and tools discover the API before they have a token. */
@ApiTags('versions')
@Public()
@Controller('v1.0')
export class OpenApiController {
  constructor(private readonly document: AdminApiDocument) {}

  @Get('openapi.json')
  @ApiResponse({ status: 200, description: 'This document (OpenAPI 3.0).' })
  openApi(): OpenAPIObject {
    return this.document.get();
  }
}
