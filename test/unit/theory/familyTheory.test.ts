import { describe, expect, it } from 'vitest';
import { expandConfig } from '../../../src-shared/model/expandConfig';
import { exitTimeConfigSchema } from '../../../src-shared/model/configSchema';
import { landscapePresets } from '../../../src-shared/model/landscape';
import type { Noise } from '../../../src-shared/model/noise';
import { provideNoiseAsset } from '../../../src-shared/model/noiseAsset';
import { armTheory } from '../../../src-shared/theory/armTheory';
import { lowerTail, regularVariation, tail, upperTail } from '../../../src-shared/theory/noiseTail';
import { stableTail } from '../../../src-shared/theory/tails/stableTail';
import { studentTail } from '../../../src-shared/theory/tails/studentTail';
import { splicedTail } from '../../../src-shared/theory/tails/splicedTail';
import { empiricalLaw } from '../../../src-shared/stats/empiricalLaw';

const paper = landscapePresets.paper;

/** Skewed measured noise: Lomax(2) magnitudes at deterministic quantiles, 70% positive. */
function skewed(n = 5000): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = Math.pow(1 - (i + 0.5) / n, -1 / 2) - 1;
    out[i] = (i % 10) < 7 ? 0.1 * w : -0.1 * w;
  }
  return out;
}
const asset = `sha256:${'ab'.repeat(32)}`;
provideNoiseAsset(asset, skewed());

const families: Noise[] = [
  { family: 'stable', alpha: 1.5, scale: 0.1 },
  { family: 'student', nu: 1.5, scale: 0.1 },
  { family: 'empirical', asset },
];

describe('each family in the theory', () => {
  it('uses its own tail H, split into the two sides', () => {
    const [stable, student, empirical] = families;
    expect(tail(stable, 3)).toBe(stableTail(stable as never, 3));
    expect(tail(student, 3)).toBe(studentTail(student as never, 3));
    expect(tail(empirical, 3)).toBe(splicedTail(empiricalLaw(empirical as never), 3));
    for (const noise of families) {
      for (const x of [0.01, 0.3, 3, 300]) {
        // H = H₊ + H₋ to rounding (the spliced sides count the body sample by sample).
        expect(upperTail(noise, x) + lowerTail(noise, x)).toBeCloseTo(tail(noise, x), 12);
      }
    }
    // The measured noise's sides carry its balance far out: H₊/H → p₊ = n₊/n_t. The centring
    // shift m moves the two sides' GPD arguments by ±m, a relative error of order α·m/x.
    const law = empiricalLaw(empirical as never);
    expect(upperTail(empirical, 1e4) / tail(empirical, 1e4)).toBeCloseTo(law.plusCount / law.tailCount, 4);
  });

  it('gives α and p₊ per family: stable α and ½, Student ν and ½, measured 1/ξ̂ and n₊/n_t', () => {
    expect(regularVariation(families[0])).toEqual({ alpha: 1.5, pPlus: 0.5 });
    expect(regularVariation(families[1])).toEqual({ alpha: 1.5, pPlus: 0.5 });
    const rv = regularVariation(families[2])!;
    const law = empiricalLaw(families[2] as never);
    expect(rv.alpha).toBe(1 / law.gpd.xi);
    expect(rv.pPlus).toBeCloseTo(0.7, 1);
    // Lomax(2) magnitudes: the fitted index is near 2.
    expect(Math.abs(rv.alpha - 2)).toBeLessThan(0.5);
  });

  it('reports tail {alpha, pPlus, h = H(1/η)} per arm, and exponents from that α', () => {
    for (const noise of families) {
      const t = armTheory(paper, { label: noise.family, noise, clip: 0.5 }, 0.01);
      expect(t.applicable).toBe(true);
      const rv = regularVariation(noise)!;
      expect(t.tail).toEqual({ ...rv, h: tail(noise, 100) });
      // Ω2 has l* = 2 at b = 0.5: β = α + (α − 1).
      expect(t.fields[1].exponent).toBeCloseTo(2 * rv.alpha - 1, 12);
      expect(t.fields[1].predictedMeanExit).toBeGreaterThan(0);
    }
    expect(armTheory(paper, { label: 'light', noise: { family: 'gaussian', sigma: 1 }, clip: 0.5 }, 0.01).tail).toBeUndefined();
  });

  it('says "not applicable" for measured noise whose samples are not here, instead of throwing', () => {
    const t = armTheory(paper, { label: 'm', noise: { family: 'empirical', asset: `sha256:${'0'.repeat(64)}` }, clip: null }, 0.01);
    expect(t.applicable).toBe(false);
    expect(t.assumptions.messages.join(' ')).toMatch(/is not available here/);
  });
});

describe('the config schema for the new families', () => {
  const base = { kind: 'exit-time', landscape: { preset: 'paper' }, x0: -0.7, etas: [0.1], samples: 10 };
  const issues = (noise: unknown) => {
    try {
      expandConfig({ ...base, arms: [{ label: 'a', noise, clip: null }] });
      return [];
    } catch (error) {
      return (error as { issues: { path: string; message: string }[] }).issues;
    }
  };

  it('fills defaults and refuses values outside each family\'s range at the field\'s JSON path', () => {
    expect(expandConfig({ ...base, arms: [{ label: 'a', noise: { family: 'stable', alpha: 1.5 }, clip: null }] }).arms[0].noise).toEqual({ family: 'stable', alpha: 1.5, scale: 1 });
    expect(issues({ family: 'stable', alpha: 2 })).toEqual([{ path: 'arms[0].noise.alpha', message: expect.stringMatching(/\(1, 2\)/) }]);
    expect(issues({ family: 'stable', alpha: 1 })[0].path).toBe('arms[0].noise.alpha');
    expect(issues({ family: 'student', nu: 1 })).toEqual([{ path: 'arms[0].noise.nu', message: 'ν must be > 1 (finite mean)' }]);
    expect(issues({ family: 'student', nu: 3, scale: -1 })[0].path).toBe('arms[0].noise.scale');
    expect(issues({ family: 'empirical', asset: 'noise.csv' })[0]).toMatchObject({ path: 'arms[0].noise.asset', message: expect.stringMatching(/sha256/) });
    expect(issues({ family: 'empirical', asset, threshold: 0 })[0].path).toBe('arms[0].noise.threshold');
    expect(issues({ family: 'empirical', file: 'noise.csv' }).map((i) => i.path)).toEqual(['arms[0].noise.asset', 'arms[0].noise.file']);
    expect(issues({ family: 'empirical', file: 'noise.csv' })[1].message).toMatch(/read only by the CLI/);
    expect(issues({ family: 'cauchy' })[0].message).toMatch(/expected "pareto", "gaussian", "stable", "student" or "empirical"/);
  });

  it('stores measured noise by asset only: a stored config naming a file is refused', () => {
    const stored = { ...expandConfig({ ...base, arms: [{ label: 'a', noise: { family: 'empirical', asset }, clip: null }] }) };
    expect(exitTimeConfigSchema.parse(stored).arms[0].noise).toEqual({ family: 'empirical', asset });
    const withFile = { ...stored, arms: [{ ...stored.arms[0], noise: { family: 'empirical', asset, file: 'noise.csv' } }] };
    const parsed = exitTimeConfigSchema.safeParse(withFile);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['file'], path: ['arms', 0, 'noise'] });
  });
});
