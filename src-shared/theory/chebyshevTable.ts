/**
 * A function tabulated as piecewise Chebyshev interpolants (the idea of Chebfun, Trefethen,
 * "Approximation Theory and Approximation Practice", ch. 3–8): on each panel, the degree-15
 * interpolant at the 16 Chebyshev points of the first kind; a panel whose last coefficients
 * are not negligible is bisected. Known jumps and kinks should be given as breakpoints, so no
 * panel straddles one; the first-kind points never touch a panel's ends, so a function that
 * jumps exactly at a breakpoint is sampled on the right side of it.
 */

const N = 16;
const NODES = Array.from({ length: N }, (_, j) => Math.cos(((2 * j + 1) * Math.PI) / (2 * N)));

export interface ChebyshevTable {
  /** Panel ends, increasing; panel k is [breaks[k], breaks[k + 1]]. */
  breaks: number[];
  coefficients: Float64Array[];
  /** Largest discarded-tail estimate over the panels (absolute): the table's error scale. */
  error: number;
}

export interface TableOptions {
  relTol: number;
  maxPanels?: number;
}

/** Chebyshev coefficients of the interpolant through f at NODES (a DCT-II). */
function coefficientsOf(values: Float64Array): Float64Array {
  const c = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += values[j] * Math.cos((k * (2 * j + 1) * Math.PI) / (2 * N));
    c[k] = ((k === 0 ? 1 : 2) / N) * s;
  }
  return c;
}

interface Panel {
  a: number;
  b: number;
  c: Float64Array;
  tail: number;
}

function panel(f: (x: number) => number, a: number, b: number): Panel {
  const mid = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  const values = new Float64Array(N);
  for (let j = 0; j < N; j++) values[j] = f(mid + half * NODES[j]);
  const c = coefficientsOf(values);
  return { a, b, c, tail: Math.abs(c[N - 1]) + Math.abs(c[N - 2]) + Math.abs(c[N - 3]) };
}

/**
 * Tabulates f on [a, b]. Stops bisecting when every panel's tail is at most relTol times the
 * largest coefficient seen (the function's scale), or at maxPanels (then `error` says so).
 */
export function tabulate(f: (x: number) => number, a: number, b: number, breakpoints: number[], options: TableOptions): ChebyshevTable {
  const maxPanels = options.maxPanels ?? 2000;
  const ends = [a, ...breakpoints.filter((x) => x > a && x < b).sort((x, y) => x - y), b];
  let panels: Panel[] = [];
  for (let k = 0; k + 1 < ends.length; k++) if (ends[k + 1] > ends[k]) panels.push(panel(f, ends[k], ends[k + 1]));
  for (;;) {
    const scale = Math.max(...panels.map((p) => Math.abs(p.c[0]) + Math.abs(p.c[1])));
    const bound = options.relTol * scale;
    const next: Panel[] = [];
    let split = false;
    for (const p of panels) {
      const mid = 0.5 * (p.a + p.b);
      if (p.tail > bound && panels.length + next.length < maxPanels && mid > p.a && mid < p.b) {
        next.push(panel(f, p.a, mid), panel(f, mid, p.b));
        split = true;
      } else next.push(p);
    }
    panels = next;
    if (!split) break;
  }
  return {
    breaks: [...panels.map((p) => p.a), panels[panels.length - 1].b],
    coefficients: panels.map((p) => p.c),
    error: Math.max(...panels.map((p) => p.tail)),
  };
}

/** The tabulated function at x (clamped to the table's range). */
export function evaluate(table: ChebyshevTable, x: number): number {
  const br = table.breaks;
  let lo = 0;
  let hi = br.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (br[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  const a = br[lo];
  const b = br[lo + 1];
  const t = Math.max(-1, Math.min(1, (2 * x - a - b) / (b - a)));
  const c = table.coefficients[lo];
  // Clenshaw's recurrence.
  let b1 = 0;
  let b2 = 0;
  for (let k = N - 1; k >= 1; k--) {
    const b0 = 2 * t * b1 - b2 + c[k];
    b2 = b1;
    b1 = b0;
  }
  return t * b1 - b2 + c[0];
}
