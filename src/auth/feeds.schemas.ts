// The calendar subscription routes' answers as OpenAPI schemas (mirror feedView; checked at the end).
import { ApiProperty } from '@nestjs/swagger';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../shared/schema.js';
import type { feedView, subscriptionUrls } from './feed-tokens.js';

type FeedView = ReturnType<typeof feedView>;
type SubscriptionUrls = ReturnType<typeof subscriptionUrls>;

const FEED = {
  id: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
  name: 'Office calendar (Outlook)',
  scope: 'calendar',
  partnershipId: 'dortmund-zhytomyr',
  createdByKey: '01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f',
  state: 'active',
  createdAt: '2025-01-31T09:00:00.000Z',
  lastUsedAt: '2025-02-03T14:12:00.000Z',
  revokedAt: null,
};
const TOKEN = 'plf_Ecu09wplGmghbPflmBwPnlbSCOJpYlbMz8sl0ucRQrw';
const URL = `https://ledger.example.org/api/v1/calendar.ics?token=${TOKEN}`;

@Schema({ name: 'CalendarFeed', description: 'A calendar subscription and its state; never its token.', example: FEED })
export class CalendarFeedSchema {
  @ApiProperty({ format: 'uuid', example: FEED.id }) id: string;
  @ApiProperty({ example: FEED.name, description: 'who or what subscribes' }) name: string;
  @ApiProperty({ enum: ['calendar'], example: 'calendar', description: 'what the token opens: the iCalendar feed only' })
  scope: FeedView['scope'];
  @ApiProperty({ type: String, nullable: true, example: FEED.partnershipId, description: 'null: the plans of all partnerships' })
  partnershipId: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: FEED.createdByKey,
    description: 'the API key that created it; null: created with npm run feeds:create',
  })
  createdByKey: string | null;
  @ApiProperty({ enum: ['active', 'revoked'], example: 'active' }) state: FeedView['state'];
  @ApiProperty({ format: 'date-time', example: FEED.createdAt }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: FEED.lastUsedAt,
    description: 'updated at most once a minute',
  })
  lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) revokedAt: string | null;
}

@Schema({
  name: 'CreatedCalendarFeed',
  description: 'A new subscription: the token and the URLs that carry it are shown only in this answer.',
  example: { ...FEED, lastUsedAt: null, token: TOKEN, url: URL, webcal: URL.replace(/^https:/, 'webcal:') },
})
export class CreatedCalendarFeedSchema extends CalendarFeedSchema {
  @ApiProperty({ example: TOKEN, description: 'not stored and cannot be shown again' }) token: string;
  @ApiProperty({ format: 'uri', example: URL, description: 'the feed URL to paste into Outlook or Google Calendar' }) url: string;
  @ApiProperty({ format: 'uri', example: URL.replace(/^https:/, 'webcal:'), description: 'the same URL for apps that register webcal:' })
  webcal: string;
}

@Schema({ name: 'CalendarFeedList', example: { feeds: [FEED] } })
export class CalendarFeedListSchema {
  @ClassProperty(() => CalendarFeedSchema, { isArray: true }) feeds: CalendarFeedSchema[];
}

type _FeedSchemasMirror = AllTrue<
  [
    Mirrors<CalendarFeedSchema, FeedView>,
    Mirrors<CreatedCalendarFeedSchema, FeedView & { token: string } & SubscriptionUrls>,
    Mirrors<CalendarFeedListSchema, { feeds: FeedView[] }>,
  ]
>;
