// Suites that need installed services: a PostgreSQL server (DATABASE_URL), the real `openstack`
// client, Keystone. Run through `npm run test:system`, whose script starts what they need.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.system-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120000,
};
