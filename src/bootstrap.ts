import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule, type AppOptions } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { ensureDatabase, openDatabase } from './config/database.js';
import { openApiDocument } from './openapi.js';
import { ActingOrganisationScope, requestDbScope } from './organisations/request-scope.js';
import { answerClientErrors, checkJsonBody, checkUrl, jsonBodyOptions, requireJsonContent } from './shared/http-edge.js';
import { assertRedisReachable } from './shared/redis.js';
import { RouteSpanInterceptor } from './telemetry/route-span.interceptor.js';
import { tracingActive } from './shared/tracing.js';

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Database and Redis checks before Nest starts: a missing dependency is one clear message, not a stack trace. */
export async function prepareInfrastructure(config: AppConfig): Promise<DataSource> {
  if (config.DB_CREATE_IF_MISSING) await ensureDatabase(config.DATABASE_URL);
  const dataSource = await openDatabase(config.DATABASE_URL, {
    migrate: config.DB_MIGRATE_ON_START,
    poolSize: config.DB_POOL_SIZE,
    appRole: config.DATABASE_APP_ROLE,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
  });
  try {
    await assertRedisReachable(config.REDIS_URL);
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
  return dataSource;
}

/** Request and correlation ids, taken from the caller when well-formed; commands copy them into each event's metadata. */
function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' && ID_PATTERN.test(v) ? v : undefined;
  };
  const id = header('x-request-id') ?? randomUUID();
  const correlationId = header('x-correlation-id') ?? id;
  Object.assign(req, { id, correlationId });
  res.setHeader('X-Request-Id', id);
  next();
}

export async function createApp(config: AppConfig, dataSource: DataSource, options: AppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', false);
  app.disable('x-powered-by');
  // First: whatever a request does in the database runs under row-level security (docs/security.md).
  app.use(requestDbScope);
  app.use(requestContextMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  // Cheap refusals first: a malformed URL or a body that is not JSON is never parsed; a parsed body
  // is measured (depth, width, lengths) before class-transformer or the whitelist walk it.
  app.use(checkUrl);
  app.use(requireJsonContent);
  // Nest reserves `verify` for rawBody, which this app does not use; ours notes invalid UTF-8.
  app.useBodyParser('json', jsonBodyOptions as NestExpressBodyParserOptionsFor<'json'>);
  app.use(checkJsonBody);
  answerClientErrors(app.getHttpServer());
  app.useGlobalInterceptors(new ActingOrganisationScope());
  if (tracingActive()) app.useGlobalInterceptors(new RouteSpanInterceptor());

  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
