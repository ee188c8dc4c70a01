import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // The SPA never reaches into the BFF; both share only contract/.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/testing/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/mocks/**'], message: 'The SPA talks to the BFF over HTTP only.' }] },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
