import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which way imports flow in the SPA (architecture.md § Layout): app/ → features/ → components/ui/
 * and lib/, never back, and a feature never imports another feature. no-restricted-imports sees
 * only the written path, so a file's depth under its feature says how many `../` leave it: from
 * src/features/<f>/api/x.ts, `../../<anything>` is a feature folder, `../../../lib` is not.
 * A later entry replaces an earlier one's patterns for the same file, so each zone repeats the
 * SPA-wide rule; tests may also reach the BFF and the mocks, so they get only the zone's own.
 */
function spaImportZones() {
  const httpOnly = { group: ['**/server/**', '**/mocks/**'], message: 'The SPA talks to the BFF over HTTP only.' };
  const intoFeatures = (depth) => ({
    regex: `^(\\.\\./){${depth}}[^./]|(^|/)features/`,
    message: 'A feature never imports another feature: move what both need to src/app/ (session-wide) or src/lib/.',
  });
  const notUp = {
    regex: '^\\.\\.?/(\\.\\./)*(app|features)(/|$)',
    message: 'components/ui and lib are shared by everyone: they import neither the app shell nor a feature.',
  };
  // The sign-in page is a page of its own so that it loads no framework (decision 019).
  const withoutFramework = {
    regex:
      '^(react|react-dom|react-router|react-i18next|zod)(/|$)|^@tanstack/|(^|/)(app|features)/|components/ui/(?!class-names$)',
    message: 'The sign-in page loads no React, router, query client or zod (decision 019): plain DOM, i18next, lib/.',
  };
  const zones = [
    { files: ['src/**/*.{ts,tsx}'], patterns: [] },
    ...[1, 2, 3, 4].map((depth) => ({
      files: [`src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
      patterns: [intoFeatures(depth)],
    })),
    { files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'], patterns: [notUp] },
    { files: ['src/sign-in/**/*.{ts,tsx}'], patterns: [withoutFramework] },
  ];
  const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
  return zones.flatMap(({ files, patterns }) => [
    { files, ignores: ['src/testing/**', '**/*.test.{ts,tsx}'], rules: restrict([httpOnly, ...patterns]) },
    ...(patterns.length
      ? [{ files: files.map((f) => f.replace('*.{ts,tsx}', '*.test.{ts,tsx}')), rules: restrict(patterns) }]
      : []),
  ]);
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The BFF core runs in three hosts (architecture.md): web-standard APIs only. Node-only code
    // lives in server/node/, test-only code in server/testing/.
    files: ['server/**/*.ts', 'contract/**/*.ts'],
    ignores: ['server/node/**', 'server/testing/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The BFF core uses web-standard APIs only; put Node code in server/node/.' },
            {
              group: ['pg', 'nodemailer', '@hono/node-server', '@hono/node-server/*'],
              message: 'Node-only: server/node/.',
            },
          ],
        },
      ],
    },
  },
  ...spaImportZones(),
  {
    files: ['scripts/**', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
