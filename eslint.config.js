import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

/** The layers (docs/architecture.md): which folder may import which. */
const boundary = (forbidden, why) => ({
  'no-restricted-imports': [
    'error',
    { patterns: forbidden.map((group) => ({ group: [group, `**/${group.replace(/^\.\.\/|^\//, '')}`], message: why })) },
  ],
});

export default tseslint.config(
  // assembly/ is AssemblyScript (function decorators, v128), checked by its own compiler (scripts/build-wasm.mjs).
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-output/**', 'bench/out/**', 'assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['src-shared/**'],
    languageOptions: { globals: {} },
    rules: {
      ...boundary(
        ['src-main/*', 'src-renderer/*', 'node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process', 'electron', 'better-sqlite3', 'piscina', 'vue', 'pinia'],
        'src-shared is pure TypeScript: no Node, no DOM, no Electron, no imports from src-main or src-renderer.',
      ),
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...boundary(
        ['src-main/*', 'node:*', 'fs', 'path', 'worker_threads', 'child_process', 'electron', 'better-sqlite3', 'piscina'],
        'The renderer talks only to LabApi: it may import src-shared, never src-main or Node.',
      ),
    },
  },
  {
    files: ['src-main/**'],
    rules: {
      ...boundary(['src-renderer/*'], 'src-main never imports the renderer; they meet through LabApi.'),
    },
  },
  {
    files: ['src-main/engine/**'],
    rules: {
      ...boundary(
        ['src-renderer/*', 'electron', 'better-sqlite3', 'bullmq', 'ioredis', '../store/*', '../../store/*', '../queue/*', '../../queue/*', '../lab', '../../lab', '../service/*', '../../service/*'],
        'The engine computes chunks and knows nothing of storage, services or Electron: it runs in worker threads and on queue workers.',
      ),
    },
  },
  {
    files: ['src-main/store/**'],
    rules: {
      ...boundary(
        ['src-renderer/*', '../engine/*', '../../engine/*', 'electron', '../lab', '../service/*'],
        'The store keeps rows and text; what a chunk means is the engine\'s business (joined in service/).',
      ),
    },
  },
);
