// Unit (.spec), embedded-database (.int-spec on PGlite) and booted-app (.e2e-spec) tests that need
// no system package. Suites that need a PostgreSQL server run under jest.system.config.js.
const { pathsToModuleNameMapper } = require('./test/jest-paths');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', require('./test/swc-options')] },
  moduleNameMapper: pathsToModuleNameMapper(),
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.{spec,int-spec,e2e-spec}.ts'],
  // The live EventStoreDB suite runs only against a server you name (EVENTSTORE_TEST_URL); it is
  // left out otherwise, never reported as skipped-and-passing.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(process.env.EVENTSTORE_TEST_URL ? [] : ['\\.live\\.'])],
  globalSetup: '<rootDir>/test/pglite-template.setup.js',
  testTimeout: 60000,
};
