// GET /api/v1/changes (a page, or a long poll with `wait`) and /api/v1/changes/stream (Server-Sent
// Events): every partnership's events in the store's gap-safe global order, for integrators who pull.
import { once } from 'node:events';
import { Controller, Get, Headers, Inject, Logger, Query, Res, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { actingOrganisation } from '../organisations/acting.js';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Checkpoint } from '../event-store/types.js';
import { READ_ROLES, Roles } from '../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { QueryInt } from '../shared/query-params.js';
import { ApiValidationPipe } from '../shared/validation.pipe.js';
import { ChangeFeed, placeAfter } from './change-feed.js';
import { changesCursor, placeOf } from './changes.cursor.js';
import { ChangePageSchema, STREAM_EXAMPLE, type ChangePageBody } from './changes.schemas.js';

const CHANGES_PAGE_DEFAULT = 100;
const CHANGES_PAGE_MAX = 1000;
const CHANGES_WAIT_MAX_S = 30;
/** Events a stream reads at a time. */
const STREAM_BATCH = 200;
/** How long a stream waits for events before it looks again (heartbeats keep the connection alive meanwhile). */
const STREAM_WAIT_MS = 25_000;

export class ChangesStreamQuery {
  @ApiPropertyOptional({
    description: 'a cursor (nextCursor of a page, or the id of a stream message): start after it; absent: from the beginning',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

export class ChangesQuery extends ChangesStreamQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: CHANGES_PAGE_MAX, default: CHANGES_PAGE_DEFAULT })
  @QueryInt(1, CHANGES_PAGE_MAX, `must be at most ${CHANGES_PAGE_MAX}; follow nextCursor for more`)
  limit?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: CHANGES_WAIT_MAX_S,
    default: 0,
    description: 'seconds to wait for an event when none is there yet (long poll); answered as soon as one is',
  })
  @QueryInt(0, CHANGES_WAIT_MAX_S)
  wait?: number;
}

/** text/event-stream: one message per event (data: the event as JSON, id: the cursor after it) and heartbeat comments. */
const STREAM_RESPONSE = { schema: { type: 'string', example: STREAM_EXAMPLE } };

const wantsStream = (accept: string | undefined) => !!accept && /(^|,)\s*text\/event-stream/i.test(accept);

@ApiTags('read')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@ApiExtraModels(ChangePageSchema)
@Controller('api/v1/changes')
export class ChangesController {
  private readonly logger = new Logger('ChangeFeed');

  constructor(
    @Inject(ChangeFeed) private readonly feed: ChangeFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Every event after a cursor, in global order; wait= long-polls; Accept: text/event-stream streams them',
    description:
      'Gap-safe: an event whose transaction commits late is still delivered after the cursor, never skipped. ' +
      'Follow nextCursor; with wait=N (seconds, at most 30) an empty answer comes only after N seconds without events.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'for the event stream: the id of the last event received; wins over `after`',
  })
  @ApiOkResponse({
    description:
      'a page of events (application/json), or the event stream when Accept asks for text/event-stream: one message per event (data: the event as JSON, id: the cursor after it) and heartbeat comments',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ChangePageSchema) } }, 'text/event-stream': STREAM_RESPONSE },
  })
  @ProblemResponses({ 400: 'after (or Last-Event-ID), limit or wait is invalid (validation_failed)' })
  async changes(
    @Query() q: ChangesQuery,
    @Headers('accept') accept: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (wantsStream(accept)) return this.streamFrom(this.resumePlace(q.after, lastEventId), res);
    const after = placeOf(this.config.CURSOR_SECRET, q.after, 'after');
    const limit = q.limit ?? CHANGES_PAGE_DEFAULT;
    const session = this.feed.session();
    // The response's close, not the request's: a request closes once it has been read.
    const gone = () => session.end();
    res.once('close', gone);
    try {
      const page = await this.feed.next(after, limit, (q.wait ?? 0) * 1000, session.signal, actingOrganisation(res.req).id);
      if (res.destroyed) return;
      const body: ChangePageBody = {
        events: page.events,
        nextCursor: changesCursor(this.config.CURSOR_SECRET, page.next),
        more: page.more,
      };
      res.setHeader('Cache-Control', 'no-store');
      res.json(body);
    } finally {
      res.off('close', gone);
      session.end();
    }
  }

  @Get('stream')
  @ApiOperation({
    summary: 'Every event after a cursor as Server-Sent Events; resumes from Last-Event-ID',
    description:
      'Each message is one event as JSON, its id the cursor after it: an EventSource that reconnects sends it back as ' +
      'Last-Event-ID and continues without gaps or repeats. A comment line every CHANGES_HEARTBEAT_MS keeps proxies from closing the connection.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the id of the last event received; wins over `after`' })
  @ApiOkResponse({
    description: 'one message per event (data: the event as JSON, id: the cursor after it) and heartbeat comments',
    content: { 'text/event-stream': STREAM_RESPONSE },
  })
  @ProblemResponses({ 400: 'after or Last-Event-ID is not a cursor this service issued (validation_failed)' })
  async stream(
    @Query() q: ChangesStreamQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.streamFrom(this.resumePlace(q.after, lastEventId), res);
  }

  /** Last-Event-ID is where a reconnecting EventSource stopped, later than the `after` it first asked with. */
  private resumePlace(after: string | undefined, lastEventId: string | undefined): Checkpoint {
    if (lastEventId !== undefined && lastEventId !== '') return placeOf(this.config.CURSOR_SECRET, lastEventId, 'Last-Event-ID');
    return placeOf(this.config.CURSOR_SECRET, after, 'after');
  }

  private async streamFrom(start: Checkpoint, res: Response): Promise<void> {
    const session = this.feed.session();
    const gone = () => session.end();
    res.once('close', gone);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise hold events back in their buffer.
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    // A broken connection ends the stream; without a listener its error would be thrown.
    res.on('error', gone);
    const write = async (chunk: string) => {
      if (session.signal.aborted || res.destroyed || res.write(chunk)) return;
      await Promise.race([once(res, 'drain'), once(session.signal, 'abort')]);
    };
    const heartbeat = setInterval(() => void write(': heartbeat\n\n').catch(gone), this.config.CHANGES_HEARTBEAT_MS);
    let at = start;
    try {
      await write('retry: 3000\n\n');
      while (!session.signal.aborted) {
        const page = await this.feed.next(at, STREAM_BATCH, STREAM_WAIT_MS, session.signal, actingOrganisation(res.req).id);
        for (const e of page.events) {
          if (session.signal.aborted) break;
          at = placeAfter(e);
          await write(`id: ${changesCursor(this.config.CURSOR_SECRET, at)}\ndata: ${JSON.stringify(e)}\n\n`);
        }
      }
    } catch (err) {
      // The client reconnects with Last-Event-ID and loses nothing; the stream just ends here.
      this.logger.warn({ err }, 'change stream ended by an error');
    } finally {
      clearInterval(heartbeat);
      res.off('close', gone);
      session.end();
      if (!res.writableEnded) res.end();
    }
  }
}
