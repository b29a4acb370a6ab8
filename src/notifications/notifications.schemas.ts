// OpenAPI schemas of the subscription and webhook routes.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Schema } from '../shared/schema.js';

@Schema({
  name: 'Subscription',
  description: "A person's subscriptions in one organisation; null partnerships or kinds mean all.",
  example: { partnerships: ['dortmund-zhytomyr'], kinds: ['CouncilDecided'], deadlines: true, digest: false, language: 'uk' },
})
export class SubscriptionView {
  @ApiProperty({ type: [String], nullable: true, description: 'partnership ids; null: all of the organisation, []: none' })
  partnerships: string[] | null;
  @ApiProperty({ type: [String], nullable: true, description: 'milestone kinds (event types); null: all' }) kinds: string[] | null;
  @ApiProperty({ description: 'reminders of obligations due soon or overdue' }) deadlines: boolean;
  @ApiProperty({ description: 'the office digest' }) digest: boolean;
  @ApiProperty({ enum: ['en', 'de', 'uk'], description: 'the language of the mails' }) language: 'en' | 'de' | 'uk';
  @ApiPropertyOptional({ readOnly: true, description: 'false after a one-click unsubscribe; saving subscribes again' }) active?: boolean;
  @ApiPropertyOptional({ readOnly: true, type: String, format: 'date-time', nullable: true }) unsubscribedAt?: string | null;
  @ApiPropertyOptional({ readOnly: true, description: 'false when the service sends no mail (no SMTP_URL)' }) mailEnabled?: boolean;
}

@Schema({
  name: 'WebhookEndpointInput',
  description: 'A URL to post entries to, and which event types.',
  example: { url: 'https://ratsinfo.example.org/hooks/ledger', events: ['CouncilDecided', 'AgreementSigned'] },
})
export class WebhookInput {
  @ApiProperty({ description: 'https (http only with WEBHOOK_ALLOW_HTTP); no private, loopback or link-local address' }) url: string;
  @ApiProperty({ type: [String], description: 'event types, or ["*"] for all' }) events: string[];
}

@Schema({
  name: 'WebhookEndpoint',
  description: 'A webhook endpoint of the acting organisation. `secret` is present only in the answer that made it.',
  example: {
    id: '0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f',
    url: 'https://ratsinfo.example.org/hooks/ledger',
    events: ['*'],
    state: 'enabled',
    createdAt: '2026-12-04T09:00:00.000Z',
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  },
})
export class WebhookView {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) events: string[];
  @ApiProperty({ enum: ['enabled', 'disabled'] }) state: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) disabledAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) disabledReason?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'failing without a success since then' })
  failingSince?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'the rotated-out secret signs too until then' })
  previousSecretValidUntil?: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ description: 'the signing secret (whsec_…): shown once' }) secret?: string;
}

@Schema({
  name: 'WebhookDelivery',
  description: 'One event for one endpoint, with its attempts (on the single delivery).',
  example: {
    id: '6f1d3c52-5b8e-5a8f-9a43-7f4f3c0de1a1',
    messageId: 'msg_6f1d3c525b8e5a8f9a437f4f3c0de1a1',
    eventId: '0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f',
    eventType: 'CouncilDecided',
    state: 'dead',
    attempts: 8,
    nextAttemptAt: null,
    lastStatus: 500,
    lastError: 'answered 500',
    createdAt: '2026-12-04T09:00:00.000Z',
    deliveredAt: null,
    deadAt: '2026-12-05T13:35:05.000Z',
  },
})
export class DeliveryView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the webhook-id header: the same on every attempt' }) messageId: string;
  @ApiProperty() eventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] }) state: string;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) lastStatus: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) deadAt: string | null;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'attempt, attemptedAt, outcome, statusCode, durationMs, error',
  })
  attemptLog?: unknown[];
}
