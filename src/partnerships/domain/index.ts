// Public API of the partnerships domain (pure: no framework, no I/O, no clock).
export * from './vocabulary.js';
export * from './names.js';
export * from './dates.js';
export * from './decimal.js';
export * from './money.js';
export * from './fields.js';
export * from './errors.js';
export * from './events.js';
export * from './commands.js';
export * from './history.js';
export * from './state.js';
export * from './business-order.js';
export * from './apply-entry.js';
export * from './evolve.js';
export * from './decide.js';
export * from './obligations.js';
export * from './personal.js';
