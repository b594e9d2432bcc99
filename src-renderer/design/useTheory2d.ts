import type { Ref } from 'vue';
import type { TheoryReport2D } from '../../src-shared/theory2d/types';
import { lab } from '../api/lab';
import { useLatestAnswer } from './useLatestAnswer';

export interface Theory2DState {
  report: Ref<TheoryReport2D | null>;
  error: Ref<string | null>;
  /** A request is pending; the last report stays shown meanwhile (marked busy). */
  loading: Ref<boolean>;
}

/** What the report depends on: a design's input as typed, or a stored run's config. */
export interface TheoryInput2D {
  readonly landscape?: unknown;
  readonly arms?: unknown;
}

/** The 2-D report depends on the landscape and the arms only: other edits (η, samples, x0) ask nothing. */
const theoryKey = (config: TheoryInput2D): string => JSON.stringify([config.landscape, config.arms]);

/**
 * The R^d theory of a 2-D config, asked of the lab (LabApi.theory), never computed here: the basin
 * map and the reachability sets cost about a second, too long for the renderer's thread. Edits are
 * debounced by `delayMs`. `config` gives null for no (valid) 2-D config.
 */
export function useTheory2d(config: () => TheoryInput2D | null, delayMs: number): Theory2DState {
  const { value, error, loading } = useLatestAnswer(
    config,
    theoryKey,
    async (c) => {
      const answer = await lab.theory(c);
      if (!('dimension' in answer)) throw new Error('the lab answered with a report on the real line for a 2-D config');
      return answer;
    },
    { delayMs, keepWhileLoading: true },
  );
  return { report: value, error, loading };
}
