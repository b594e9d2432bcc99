import { defineConfig } from 'vitest/config';
import { queueTests } from './test/queueTests';

export default defineConfig({
  test: {
    include: queueTests,
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
