// The change feed's answers as OpenAPI schemas. Each item is the event exactly as
// /api/v1/partnerships/{id}/events shows it (StoredEvent), so both routes show a reader the same fields.
import { ApiProperty } from '@nestjs/swagger';
import type { StoredEvent } from '../event-store/types.js';
import { STORED_EVENT_EXAMPLE, StoredEventSchema } from '../partnerships/read-models/timeline/timeline.schemas.js';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../shared/schema.js';

const CURSOR_EXAMPLE = 'eyJ0IjoiNzQzMSIsInAiOjE3fQ.Xq3vQ0l9m2tWc8kYb1R4aA';

export interface ChangePageBody {
  events: StoredEvent[];
  nextCursor: string;
  more: boolean;
}

@Schema({
  name: 'ChangePage',
  description:
    'Events of every partnership in the global order, after the cursor given. Pass nextCursor as `after` to read on; ' +
    'an empty page keeps the cursor it was asked with.',
  example: { events: [STORED_EVENT_EXAMPLE], nextCursor: CURSOR_EXAMPLE, more: false },
})
export class ChangePageSchema {
  @ClassProperty(() => StoredEventSchema, { isArray: true, description: 'as /api/v1/partnerships/{id}/events shows them' })
  events: StoredEventSchema[];
  @ApiProperty({ example: CURSOR_EXAMPLE, description: 'opaque and signed: where the next read starts; never null' })
  nextCursor: string;
  @ApiProperty({ example: false, description: 'more events were ready than this page holds: read on at once' })
  more: boolean;
}

/** What the stream sends: one `message` per event, its `id` the cursor after it. */
export const STREAM_EXAMPLE = `retry: 3000\n\nid: ${CURSOR_EXAMPLE}\ndata: ${JSON.stringify(STORED_EVENT_EXAMPLE)}\n\n` + ': heartbeat\n\n';

type _ChangesSchemasMirror = AllTrue<[Mirrors<ChangePageSchema, ChangePageBody>]>;
