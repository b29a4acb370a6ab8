// Request bodies of the notification routes, checked with zod; a refusal names each field and why.
import { z } from 'zod';
import { EVENT_TYPES } from '../partnerships/domain/events.js';
import { validationProblem } from '../shared/problem.js';
import { MAIL_LANGUAGES } from './subscriptions.js';

const PARTNERSHIP_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const eventType = z.string().refine((v) => (EVENT_TYPES as readonly string[]).includes(v), 'must name a milestone kind (an event type)');

export const subscriptionBody = z
  .object({
    partnerships: z.array(z.string().regex(PARTNERSHIP_ID, 'must be a partnership id')).max(500).nullable(),
    kinds: z.array(eventType).max(100).nullable(),
    deadlines: z.boolean(),
    digest: z.boolean(),
    language: z.enum(MAIL_LANGUAGES, { message: `must be one of ${MAIL_LANGUAGES.join(', ')}` }),
  })
  .strict();

export const webhookBody = z
  .object({
    url: z.string().max(2000),
    events: z
      .array(z.union([z.literal('*'), eventType]))
      .min(1, 'must name at least one event type, or "*" for all')
      .max(100),
  })
  .strict();

/** The body as `schema` reads it, or a 400 problem naming each wrong field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  throw validationProblem(
    r.error.issues.map((i) => ({
      field: i.path.length ? i.path.join('.').replace(/\.(\d+)/g, '[$1]') : '(body)',
      reason: i.code === 'unrecognized_keys' ? `has unknown fields: ${i.keys.join(', ')}` : i.message,
    })),
  );
}
