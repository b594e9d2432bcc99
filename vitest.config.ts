import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { statisticalTests } from './test/statisticalTests';
import { queueTests } from './test/queueTests';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...statisticalTests, ...queueTests],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
