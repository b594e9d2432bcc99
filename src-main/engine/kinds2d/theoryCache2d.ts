import type { Config2D } from '../../../src-shared/model/config2d';
import { theoryReport2d } from '../../../src-shared/theory2d/report';
import type { TheoryReport2D } from '../../../src-shared/theory2d/types';

/** The last few 2-D theories by landscape and arms: each costs about a second (the basin map). */
const cache = new Map<string, TheoryReport2D>();
const CACHE_SIZE = 8;

export function cachedTheory2d(config: Pick<Config2D, 'landscape' | 'arms'>): TheoryReport2D {
  const key = JSON.stringify([config.landscape, config.arms]);
  let report = cache.get(key);
  if (!report) {
    report = theoryReport2d(config.landscape, config.arms);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, report);
  }
  return report;
}
