/**
 * Jest with ts-jest in transpile-only mode (isolatedModules, set in tsconfig.json): each file is compiled on its
 * own with decorator metadata, which type-graphql needs; `npm test` type-checks the whole
 * project first with tsc. (Not @swc/jest or Jest 30: their platform-specific native
 * packages are not all in the registry these machines use, so `npm ci` refuses the lock.)
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
};
