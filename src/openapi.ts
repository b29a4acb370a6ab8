// The OpenAPI document (/docs, /docs-json, `npm run api:types`): the routes' decorators plus the
// named schemas that are not classes: the value types, and what the milestones' description yields.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import { VALUE_SCHEMAS } from './partnerships/values.schemas.js';
import { describedSchemas } from './partnerships/write/openapi-schemas.js';

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Partnership Ledger API')
    .setDescription('Event-sourced ledger of municipal partnerships. Every write is a milestone event; reads come from projections.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key created with `npm run keys:create`.' })
    .build();
  // Merged with the schemas the decorators produce (components.schemas, two levels deep).
  config.components = {
    ...config.components,
    schemas: { ...(VALUE_SCHEMAS as Record<string, SchemaObject>), ...(describedSchemas() as Record<string, SchemaObject>) },
  };
  return SwaggerModule.createDocument(app, config);
}
