/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
    // archiver 8 and its zip helpers ship ES modules only: compile them for Jest's CommonJS
    // runtime (Node itself loads them through require(esm) since 20.19).
    '/node_modules/(archiver|zip-stream|compress-commons|crc32-stream|is-stream)/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(archiver|zip-stream|compress-commons|crc32-stream|is-stream)/)'],
  testTimeout: 30000,
};
