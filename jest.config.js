// Nest 12 ships ES modules only, so Jest runs in its native ESM mode (node --experimental-vm-modules).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  maxWorkers: 2,
  testTimeout: 60_000,
  // A BullMQ worker whose Redis connection was cut (the health suite does that on purpose) can keep
  // retry timers alive after it was told to close; the service bounds that with SHUTDOWN_TIMEOUT_MS,
  // and the test run must not wait on it either.
  forceExit: true,
};
