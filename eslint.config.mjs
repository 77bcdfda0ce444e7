// ESLint flat config: typescript-eslint's type-aware recommended rules, Prettier owns layout,
// and no-restricted-imports keeps the layers' imports flowing one way (see README, "The code").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Folders of src/ and the folders each one must never import. */
const layers = {
  domain: ['store', 'projection', 'metrics', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  store: ['projection', 'metrics', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  projection: ['store', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  metrics: ['store', 'export', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
  export: ['store', 'services', 'import', 'demo', 'auth', 'graphql', 'http', 'cli'],
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
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'web/**', 'data/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
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
  ...boundaries,
  prettier,
);
