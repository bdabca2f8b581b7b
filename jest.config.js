/**
 * One jest run over every workspace. Tests import workspace packages from their
 * TypeScript sources (moduleNameMapper), so a test never runs against a stale build;
 * end-to-end tests that spawn daemons use the built `dist/` that `npm test` builds first.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/apps', '<rootDir>/migrations', '<rootDir>/docker', '<rootDir>/deploy', '<rootDir>/bench'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    '^@interflow/migrations$': '<rootDir>/migrations/src',
    '^@interflow/broker/conformance$': '<rootDir>/packages/broker/src/conformance',
    '^@interflow/(core|broker|broker-postgres|registry|event-log|test-kit|connector-sdk|client|outbound|broker-rabbitmq|broker-select|broker-move|notifications)$': '<rootDir>/packages/$1/src',
  },
  globalSetup: '<rootDir>/packages/test-kit/dist/global-setup.js',
  globalTeardown: '<rootDir>/packages/test-kit/dist/global-teardown.js',
  testTimeout: 120000,
  maxWorkers: 2,
};
