import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports run one way: model ← warehouse ← etl and server; cli is a library; the client reads
// only the model. A folder may not import the folders listed against it.
const LAYERS = {
  model: ['warehouse', 'cli', 'etl', 'fetch', 'server', 'client'],
  cli: ['warehouse', 'etl', 'fetch', 'server', 'client'],
  warehouse: ['cli', 'etl', 'fetch', 'server', 'client'],
  fetch: ['warehouse', 'etl', 'server', 'client'],
  etl: ['fetch', 'server', 'client'],
  server: ['etl', 'fetch', 'client'],
  client: ['warehouse', 'cli', 'etl', 'fetch', 'server'],
};
const boundary = (
  folder,
  banned,
  { files = [`${folder}/**/*.{ts,tsx,mts,mjs}`], ignores = [] } = {},
) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          group: [`**/${b}/*`, `**/${b}/**`],
          message: `${folder}/ does not import ${b}/ (docs/architecture.md: imports run one way).`,
        })),
      },
    ],
  },
});
// The one exception: npm start builds the default database with the ETL.
const START = 'server/start/default-db.ts';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // A leading underscore marks a parameter or rest binding that is there on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['client/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...Object.entries(LAYERS).map(([folder, banned]) =>
    boundary(folder, banned, { ignores: folder === 'server' ? [START] : [] }),
  ),
  boundary(
    'server',
    LAYERS.server.filter((b) => b !== 'etl'),
    { files: [START] },
  ),
);
