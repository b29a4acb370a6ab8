export * from './errors.js';
export * from './types.js';
export * from './postgres-event-store.js';
export * from './notifications.js';
export * from './consumer.js';
export { MAX_STREAM_ID_LENGTH, MAX_EVENTS_PER_APPEND } from './validation.js';
export * from './projections.js';
export { withTransaction } from './transaction.js';
export * from './integrity/index.js';
