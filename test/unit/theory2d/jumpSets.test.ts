import { describe, expect, it } from 'vitest';
import { dilate, flowClosure } from '../../../src-shared/theory2d';

const n = 41;
const h = 0.05;

/** A fixed scatter of nodes (a linear congruential sequence) as the starting set. */
function scatter(count: number): Uint8Array {
  const set = new Uint8Array(n * n);
  let s = 12345;
  for (let c = 0; c < count; c++) {
    s = (1103515245 * s + 12345) % 2147483648;
    set[s % (n * n)] = 1;
  }
  return set;
}

/** Brute force: node q is in S ⊕ J iff some node p of S has q − p in J. */
function bruteDilate(set: Uint8Array, inJump: (dx: number, dy: number) => boolean): Uint8Array {
  const out = new Uint8Array(n * n);
  for (let p = 0; p < n * n; p++) {
    if (!set[p]) continue;
    for (let q = 0; q < n * n; q++) {
      if (inJump(((q % n) - (p % n)) * h, (Math.floor(q / n) - Math.floor(p / n)) * h)) out[q] = 1;
    }
  }
  return out;
}

describe('one truncated jump (dilation)', () => {
  const set = scatter(6);

  it('isotropic, b = 0.23: every node within distance b of the set', () => {
    expect(dilate(set, { n, h }, { direction: 'isotropic', clip: 0.23 })).toEqual(bruteDilate(set, (dx, dy) => Math.hypot(dx, dy) <= 0.23));
  });

  it('isotropic, b = 0.25 lying exactly on nodes: the circle itself is included', () => {
    expect(dilate(set, { n, h }, { direction: 'isotropic', clip: 0.25 })).toEqual(bruteDilate(set, (dx, dy) => Math.hypot(dx, dy) <= 0.25 + 1e-12));
  });

  it('axes, b = 0.3: along one axis only, length ≤ b', () => {
    const expected = bruteDilate(set, (dx, dy) => (Math.abs(dy) < 1e-12 && Math.abs(dx) <= 0.3 + 1e-12) || (Math.abs(dx) < 1e-12 && Math.abs(dy) <= 0.3 + 1e-12));
    expect(dilate(set, { n, h }, { direction: 'axes', clip: 0.3 })).toEqual(expected);
  });

  it('unclipped: isotropic reaches the whole box, axes the full row and column of each node', () => {
    expect(dilate(set, { n, h }, { direction: 'isotropic', clip: null }).every((v) => v === 1)).toBe(true);
    const expected = bruteDilate(set, (dx, dy) => Math.abs(dx) < 1e-12 || Math.abs(dy) < 1e-12);
    expect(dilate(set, { n, h }, { direction: 'axes', clip: null })).toEqual(expected);
  });
});

describe('flow closure', () => {
  it('adds every node down each flow line, and nothing else', () => {
    // Flow lines on a 4-node toy map: 0 → 1 → 2 → 2 (a minimum), 3 → 3.
    const next = Int32Array.from([1, 2, 2, 3]);
    expect(flowClosure(Uint8Array.from([1, 0, 0, 0]), { next })).toEqual(Uint8Array.from([1, 1, 1, 0]));
    expect(flowClosure(Uint8Array.from([0, 0, 0, 1]), { next })).toEqual(Uint8Array.from([0, 0, 0, 1]));
  });
});
