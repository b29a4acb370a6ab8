// What the calendar returns.
import type { BusinessDate } from '../../domain/index.js';

export interface CalendarItem {
  eventId: string;
  partnershipId: string;
  kind: string;
  title: string;
  date: BusinessDate;
  mode?: string;
  venue?: string;
}
