export * from './chain.js';
export * from './checkpoints.js';
export * from './compare.js';
export * from './digest.js';
export * from './keys.js';
export * from './verify.js';
