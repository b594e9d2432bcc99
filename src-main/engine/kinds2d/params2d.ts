import type { Config2D } from '../../../src-shared/model/config2d';
import { BASIN_MAP_NODES } from '../../../src-shared/theory2d/basinMap';
import type { KernelNoise2D, KernelParams2D } from '../kernels2d/tasks2d';

/** An arm's kernel parameters at one η, every default already filled by the schema. */
export function kernelParams2d(config: Config2D, arm: number, eta: number): KernelParams2D {
  const a = config.arms[arm];
  const n = a.noise;
  const noise: KernelNoise2D =
    n.family === 'pareto'
      ? { family: 'pareto', alpha: n.alpha, scale: n.scale, direction: n.direction }
      : n.family === 'gaussian'
        ? { family: 'gaussian', sigma: n.sigma }
        : n.family === 'empirical'
          ? { family: 'empirical', asset: n.asset, ...(n.threshold === undefined ? {} : { threshold: n.threshold }), direction: 'axes' }
          : { ...n, direction: 'axes' };
  return { landscape: config.landscape, mapNodes: BASIN_MAP_NODES, noise, clip: a.clip, eta };
}

/** Keys of 2-D chunks: "a{arm}/e{η}/s{first}-{last}" (exit time) and "a{arm}/p{path}/c{piece}" (long run). */
export function exitTime2dKey(arm: number, etaIndex: number, first: number, count: number): string {
  return `a${arm}/e${etaIndex}/s${first}-${first + count - 1}`;
}

export function parseExitTime2dKey(key: string): { arm: number; etaIndex: number; first: number; count: number } | null {
  const m = /^a(\d+)\/e(\d+)\/s(\d+)-(\d+)$/.exec(key);
  return m ? { arm: +m[1], etaIndex: +m[2], first: +m[3], count: +m[4] - +m[3] + 1 } : null;
}

export function longRun2dKey(arm: number, path: number, piece: number): string {
  return `a${arm}/p${path}/c${piece}`;
}

export function parseLongRun2dKey(key: string): { arm: number; path: number; piece: number } | null {
  const m = /^a(\d+)\/p(\d+)\/c(\d+)$/.exec(key);
  return m ? { arm: +m[1], path: +m[2], piece: +m[3] } : null;
}
