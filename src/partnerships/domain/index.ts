// Public API of the partnerships domain (pure: no framework, no I/O, no clock).
export * from './dates.js';
export * from './decimal.js';
export * from './errors.js';
export * from './events.js';
export * from './commands.js';
export * from './state.js';
export { evolve, fold, applyChanges, tierForAgreement, maxTier } from './evolve.js';
export { decide, summarize, type DecideContext } from './decide.js';
export { validateEventData } from './validation.js';
