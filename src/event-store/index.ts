export * from './errors.js';
export * from './types.js';
export * from './postgres-event-store.js';
export * from './notifications.js';
export * from './consumer.js';
export * from './projections.js';
export * from './integrity/index.js';
export * from './availability.js';
export { newEventId } from './event-ids.js';
