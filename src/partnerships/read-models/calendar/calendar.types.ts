// What the calendar returns.
import type { BusinessDate } from '../../domain/index.js';

export interface CalendarItem {
  /** stable through reschedules: the identity calendar apps keep */
  uid: string;
  /** the current plan entry */
  eventId: string;
  partnershipId: string;
  kind: string;
  title: string;
  /** the planned date */
  date: BusinessDate;
  /** when the plan was made */
  madeOn: BusinessDate;
  /** grows with each reschedule, correction or cancellation */
  sequence: number;
  status: 'open' | 'cancelled';
  changedAt: string | null;
  mode?: string;
  venue?: string;
}
