import { describe, expect, it } from 'vitest';
import { landscapePresets, type Landscape, type ParetoNoise } from '../../../src-shared/model';
import { armTheory, limitConstants, predictedMeanExit, tail, timeScale } from '../../../src-shared/theory';

const paper: Landscape = { ...landscapePresets.paper, criticalPoints: [...landscapePresets.paper.criticalPoints] };
const [m1, s1, m2, s2, m3, s3, m4] = paper.criticalPoints;
const alpha = 1.5;
const pPlus = 0.7;
const pMinus = 1 - pPlus;
const law = (clip: number | null, L = paper.L) => ({ alpha, pPlus, clip, L });
const pow = (d: number) => Math.pow(d, -alpha);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('limit constants, l* = 1, closed forms', () => {
  it('unclipped: q_i = p₊ (s_i − m_i)^−α + p₋ (m_i − s_{i−1})^−α for every field', () => {
    const expected = [pPlus * pow(s1 - m1), pPlus * pow(s2 - m2) + pMinus * pow(m2 - s1), pPlus * pow(s3 - m3) + pMinus * pow(m3 - s2), pMinus * pow(m4 - s3)];
    expected.forEach((q, k) => expect(rel(limitConstants(paper, law(null), k + 1, 1)!.q, q)).toBeLessThan(1e-14));
  });

  it('unclipped: q_ij is the ν-mass landing in Ω_j; a jump past L lands at L, inside Ω_n', () => {
    const c = limitConstants(paper, law(null), 1, 1)!;
    expect(rel(c.qTo[2], pPlus * (pow(s1 - m1) - pow(s2 - m1)))).toBeLessThan(1e-14);
    expect(rel(c.qTo[3], pPlus * (pow(s2 - m1) - pow(s3 - m1)))).toBeLessThan(1e-14);
    // Everything beyond s3 — including jumps past L, projected onto L — lands in Ω4.
    expect(rel(c.qTo[4], pPlus * pow(s3 - m1))).toBeLessThan(1e-14);
    expect(rel(c.qTo[2] + c.qTo[3] + c.qTo[4], c.q)).toBeLessThan(1e-14);
    const c4 = limitConstants(paper, law(null), 4, 1)!;
    expect(rel(c4.qTo[1], pMinus * pow(m4 - s1))).toBeLessThan(1e-14);
  });

  it('clipped b = 0.5: only the sides closer than b count, the atom at ±b included', () => {
    const c1 = limitConstants(paper, law(0.5), 1, 1)!;
    expect(rel(c1.q, pPlus * pow(s1 - m1))).toBeLessThan(1e-14);
    expect(c1.qTo).toEqual({ 2: c1.q, 3: 0, 4: 0 });
    const c3 = limitConstants(paper, law(0.5), 3, 1)!;
    expect(rel(c3.q, pPlus * pow(s3 - m3) + pMinus * pow(m3 - s2))).toBeLessThan(1e-14);
    // b = 0.25: m3 − s2 = 0.29 > b, so Ω3 is left only to the right.
    const c3b = limitConstants(paper, law(0.25), 3, 1)!;
    expect(rel(c3b.q, pPlus * pow(s3 - m3))).toBeLessThan(1e-14);
    expect(c3b.qTo[2]).toBe(0);
  });

  it('clipped: the atom at w = b lands where m_i + b is; beyond the reach of b nothing lands', () => {
    // Ω2 = (−0.3, −0.1) is narrow: from m1 = −1 a jump of 0.7 … 0.9 lands in Ω2, more in Ω3.
    const narrow: Landscape = { criticalPoints: [-1, -0.3, -0.2, -0.1, 0.5], L: 1, gradientScale: 2 };
    const b08 = limitConstants(narrow, law(0.8, 1), 1, 1)!;
    expect(rel(b08.qTo[2], pPlus * pow(0.7))).toBeLessThan(1e-13); // atom lands at −0.2 ∈ Ω2
    expect(b08.qTo[3]).toBe(0);
    const b12 = limitConstants(narrow, law(1.2, 1), 1, 1)!;
    expect(rel(b12.qTo[2], pPlus * (pow(0.7) - pow(0.9)))).toBeLessThan(1e-13);
    expect(rel(b12.qTo[3], pPlus * pow(0.9))).toBeLessThan(1e-13); // incl. the atom at 0.2
  });
});

describe('limit constants, l* ≥ 2', () => {
  it('q_i = Σ_j q_ij for l* = 2 (paper Ω2, b = 0.5)', () => {
    const c = limitConstants(paper, law(0.5), 2, 2)!;
    expect(c.qTo[4]).toBe(0);
    expect(c.qTo[1]).toBeGreaterThan(0);
    expect(c.qTo[3]).toBeGreaterThan(0);
    expect(rel(c.qTo[1] + c.qTo[3], c.q)).toBeLessThan(1e-10);
  });

  it('l* = 3: q, qTo, their errors and the predicted mean exit time for every field', () => {
    // b = 0.25: l*2 = ⌈0.64/0.25⌉ = 3.
    const t = armTheory(paper, { label: 'b', noise: { family: 'pareto', alpha, scale: 0.1, pPlus }, clip: 0.25 }, 0.001);
    expect(t.fields[1].lStar).toBe(3);
    for (const f of t.fields) {
      expect(f.q).toBeGreaterThan(0);
      expect(f.qError).toBeGreaterThanOrEqual(0);
      expect(f.qError!).toBeLessThan(1e-6 * f.q!);
      expect(Object.keys(f.qToError!)).toEqual(Object.keys(f.qTo!));
      expect(f.predictedMeanExit).toBeGreaterThan(0);
      expect(f).not.toHaveProperty('note');
    }
    // Three jumps of at most 0.25 reach 0.75 < s3 − m2 = 0.86: Ω2 is left only to the left.
    expect(t.fields[1].qTo).toEqual({ 1: t.fields[1].q, 3: 0, 4: 0 });
    expect(t.fields[1].qToError!['3']).toBe(0);
  });
});

describe('remembered limit constants', () => {
  it('come back equal but unshared: a caller changing its copy changes nothing later', () => {
    const first = limitConstants(paper, law(0.25), 2, 3);
    first.qTo[1] = -1;
    first.qToError[1] = -1;
    const again = limitConstants(paper, law(0.25), 2, 3);
    expect(again.qTo[1]).toBeGreaterThan(0);
    expect(again.qToError[1]).toBeGreaterThanOrEqual(0);
    expect(again.q).toBe(first.q);
  });
});

describe('time scale and predicted exit times', () => {
  const noise: ParetoNoise = { family: 'pareto', alpha: 1.2, scale: 0.1, pPlus: 0.5 };
  it('λ_i(η) = H(1/η) (H(1/η)/η)^(l*−1)', () => {
    const h = tail(noise, 1000);
    expect(timeScale(noise, 0.001, 1)).toBe(h);
    expect(rel(timeScale(noise, 0.001, 2), (h * h) / 0.001)).toBeLessThan(1e-14);
  });

  it('unclipped: predicted mean exit from Ω2 is 1 / (q H(1/η))', () => {
    const t = armTheory(paper, { label: 'u', noise, clip: null }, 0.01);
    const q = 0.5 * (Math.pow(s2 - m2, -1.2) + Math.pow(m2 - s1, -1.2));
    const H = Math.pow(1 + 100 / 0.1, -1.2);
    expect(rel(t.fields[1].predictedMeanExit!, 1 / (q * H))).toBeLessThan(1e-12);
    expect(rel(predictedMeanExit(q, H), 1 / (q * H))).toBeLessThan(1e-15);
  });
});
