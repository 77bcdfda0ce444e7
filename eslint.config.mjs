// ESLint flat config: typescript-eslint's type-aware recommended rules, Prettier owns layout,
// and no-restricted-imports keeps the layers' imports flowing one way (see README, "The code").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

/** Folders of src/ and the folders each one must never import. */
const layers = {
  domain: ['store', 'projection', 'metrics', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  store: ['projection', 'metrics', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  projection: ['store', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  metrics: ['store', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  export: ['store', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  report: ['store', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  services: ['graphql', 'http', 'cli'],
  import: ['graphql', 'http', 'cli'],
  demo: ['graphql', 'http', 'cli'],
  auth: ['graphql', 'http', 'cli'],
  // Resolvers and routes reach the store only through the services.
  graphql: ['store', 'cli'],
  http: ['store', 'cli'],
};

const boundaries = Object.entries(layers).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: banned.flatMap((name) => [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`, `../../../${name}/*`]),
            message: `src/${layer} must not import this layer: imports flow domain ← store/projection/metrics/export ← services ← graphql/http/cli.`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '**/node_modules/**',
      'coverage/**',
      'web/src/generated/**',
      'data/**',
      'test-artifacts/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Adapters implement an async port over synchronous drivers (better-sqlite3): async without await is the point.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Jest's asymmetric matchers (expect.closeTo, expect.stringContaining) and neo4j's Record.get are typed `any`.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The dashboard (type-checked over its own tsconfig: DOM, bundler resolution): React's rules of hooks.
    // Not the React Compiler's rules: the dashboard is not compiled by it.
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The dashboard depends on nothing in src/ but the printed schema (its typed documents are generated from it).
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/*', '../../src/*', '../../../src/*'], message: "web/ must not import copnet's server code." }] },
      ],
    },
  },
  ...boundaries,
  prettier,
);
