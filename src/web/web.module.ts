import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { WEB_CACHE_FILES, WebController } from './web.controller.js';

/** The timeline page for council staff at `/` (sign-in and `GET /api/v1/me` are in the auth module). */
@Module({})
export class WebModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebModule,
      controllers: [WebController],
      // Read once in production; in development each request reads the file afresh, so edits show on reload.
      providers: [{ provide: WEB_CACHE_FILES, useValue: config.NODE_ENV === 'production' }],
    };
  }
}
