import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import pluginQuery from '@tanstack/eslint-plugin-query'
import testingLibrary from 'eslint-plugin-testing-library'
import globals from 'globals'

const layer = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
})

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'public/mockServiceWorker.js', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Text from the API or a responder is never code: no eval, no javascript: URLs, no raw HTML sinks.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as React children; never raw HTML.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Use textContent or React; never an HTML sink.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Use textContent or React; never an HTML sink.' },
        { selector: "CallExpression[callee.property.name=/^write(ln)?$/][callee.object.name='document']", message: 'document.write is an HTML sink.' },
        { selector: "Literal[value=/^\\s*javascript:/i]", message: 'A javascript: URL runs code; build URLs with safeUrl().' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
    },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  // Layers: domain at the bottom, nothing imports upward; only main.tsx and tests import mocks.
  {
    files: ['src/domain/**'],
    ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts'],
    rules: layer(['@/*', '!@/domain/*', 'react', 'react-*', '@tanstack/*', 'zustand', 'msw', 'msw/*'], 'domain is pure: no React, fetch or other layers'),
  },
  {
    files: ['src/api/**'],
    ignores: ['src/**/*.test.ts'],
    rules: layer(['@/app/*', '@/features/*', '@/components/*', '@/mocks/*', '@/stores/*'], 'api depends on domain only'),
  },
  {
    files: ['src/backend/**'],
    ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts'],
    rules: layer(
      ['@/app/*', '@/features/*', '@/components/*', '@/stores/*', '@/lib/*', '@/mocks/*', 'react', 'react-*', 'msw', 'msw/*'],
      'backend holds what both backends share (simulator, incident rules): it depends on api schemas and domain only',
    ),
  },
  {
    files: ['server/**'],
    ignores: ['server/**/*.test.ts'],
    rules: layer(
      ['@/app/*', '@/features/*', '@/components/*', '@/stores/*', '@/lib/*', '@/mocks/*', 'react', 'react-*', 'msw', 'msw/*'],
      'the server implements the contract with src/api schemas, src/domain rules and src/backend; never the app or the mock backend',
    ),
  },
  {
    files: ['src/mocks/**'],
    ignores: ['src/**/*.test.ts', 'src/**/*.bench.ts'],
    rules: layer(['@/app/*', '@/features/*', '@/components/*', '@/stores/*', 'react', 'react-*'], 'mocks depend on api schemas and domain only'),
  },
  {
    files: ['src/features/**', 'src/components/**', 'src/lib/**', 'src/stores/**'],
    rules: layer(['@/app/*', '@/mocks/*', '@/features/*', '../../*'], 'features never import app, mocks or each other (use relative paths inside a feature)'),
  },
  {
    files: ['src/app/**'],
    rules: layer(['@/mocks/*'], 'only main.tsx imports the mock backend'),
  },
  // Plain JavaScript (this file, scripts/*.mjs) is outside the TypeScript project: lint it without type information.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['*.config.{js,ts}', 'scripts/**', '.ci/**', 'test/e2e/**'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
)
