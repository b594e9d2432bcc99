import { availableParallelism } from 'node:os';
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
    // Vitest runs cores − 1 files at once: one on two cores. These files spend much of their time
    // waiting on the processes, worker threads and servers they start, so two at a time took the
    // suite from 348 s to 217 s on two cores (all 900 tests passing both ways).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
