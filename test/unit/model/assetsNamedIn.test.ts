import { describe, expect, it } from 'vitest';
import { assetsNamedIn } from '../../../src-shared/model/noiseAsset';

const a = `sha256:${'a'.repeat(64)}`;
const b = `sha256:${'b'.repeat(64)}`;

describe('assetsNamedIn (which measured noise a view must fetch before its theory)', () => {
  it('finds empirical noise wherever a kind keeps it, each asset once, and nothing else', () => {
    const arms = [
      { label: 'm', noise: { family: 'empirical', asset: a }, clip: 0.5 },
      { label: 'm2', noise: { family: 'empirical', asset: a, threshold: 1 }, clip: null },
      { label: 'p', noise: { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 }, clip: null },
    ];
    expect(assetsNamedIn({ kind: 'exit-time', arms })).toEqual([a]);
    // A sweep keeps its arms in its base; a 2-D noise as `axes` keeps one record per coordinate.
    expect(assetsNamedIn({ kind: 'sweep', base: { arms } })).toEqual([a]);
    expect(assetsNamedIn({ arms: [{ noise: { family: 'axes', x: { family: 'empirical', asset: b }, y: { family: 'empirical', asset: a } } }] })).toEqual([b, a]);
    // Not an asset name (a CLI file, a typo): nothing to fetch.
    expect(assetsNamedIn({ arms: [{ noise: { family: 'empirical', asset: 'noise.csv' } }, { noise: { family: 'empirical', file: 'x.csv' } }] })).toEqual([]);
    expect(assetsNamedIn(null)).toEqual([]);
  });
});
