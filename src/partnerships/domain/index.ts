// Public API of the partnerships domain (pure: no framework, no I/O, no clock).
export * from './vocabulary.js';
export * from './names.js';
export * from './dates.js';
export * from './decimal.js';
export * from './money.js';
export { languageTagProblem } from './checks.js';
export * from './errors.js';
export * from './events.js';
export * from './evolve.js';
export * from './decide.js';
