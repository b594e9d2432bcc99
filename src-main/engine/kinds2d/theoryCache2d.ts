import type { Config2D } from '../../../src-shared/model/config2d';
import { landscapeTheory2d, type LandscapeTheory2D } from '../../../src-shared/theory2d/landscapeTheory';
import { theoryReport2dOf } from '../../../src-shared/theory2d/report';
import type { TheoryReport2D } from '../../../src-shared/theory2d/types';

/**
 * The basin map costs about a second per landscape; the arms' reachability on it far less. A
 * sweep's cells share one landscape and differ in their arms, so the analysis of a landscape is
 * kept apart from the reports: every cell reuses the map, whatever the number of cells.
 */
const landscapes = new Map<string, LandscapeTheory2D>();
const reports = new Map<string, TheoryReport2D>();
const LANDSCAPES = 4;
const REPORTS = 512;

function remember<T>(cache: Map<string, T>, size: number, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
  }
  return value;
}

export function cachedTheory2d(config: Pick<Config2D, 'landscape' | 'arms'>): TheoryReport2D {
  const landscapeKey = JSON.stringify(config.landscape);
  return remember(reports, REPORTS, JSON.stringify([config.landscape, config.arms]), () =>
    theoryReport2dOf(
      remember(landscapes, LANDSCAPES, landscapeKey, () => landscapeTheory2d(config.landscape)),
      config.arms,
    ),
  );
}
