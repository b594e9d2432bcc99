import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LabService } from '../../src-main/lab';
import { bundledWorker } from './executorTestKit';
import { scratch } from './cliHarness';
import { pinConfigs, pinnedNumbers } from './pinnedResultsConfigs';

/**
 * The numbers these runs gave when they were captured (test/fixtures/pinned-results.json), through
 * the whole service: planning, the runner, the codec, the store and aggregation. Refactors must
 * leave them bit-identical; a change that alters them must bump the engine version and recapture.
 */
const pinned = JSON.parse(readFileSync(new URL('../fixtures/pinned-results.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const tmp = scratch('pinned-');
afterAll(() => tmp.cleanup());

describe('pinned results', () => {
  it.each(Object.keys(pinConfigs) as (keyof typeof pinConfigs)[])('%s gives the captured numbers', async (name) => {
    const lab = new LabService({ dbPath: tmp.path(`${name}.db`), workers: 2, workerUrl: bundledWorker, chunkIterations: 50_000 });
    try {
      const { id } = await lab.startRun(pinConfigs[name]);
      const run = await lab.whenSettled(id);
      expect(run.status, run.error ?? '').toBe('completed');
      expect(pinnedNumbers(run.result!)).toEqual(pinned[name]);
    } finally {
      await lab.close();
    }
  });
});
