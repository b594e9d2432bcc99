import { defineConfig } from 'vitest/config';
import { statisticalTests } from './test/statisticalTests';

export default defineConfig({
  test: {
    include: statisticalTests,
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
