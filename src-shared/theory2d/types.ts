import type { CommunicatingClass } from '../theory/types';

/** A minimum m_i of the 2-D landscape, numbered in order of x, then y. */
export interface Minimum2D {
  index: number;
  minimum: [number, number];
  f: number;
  /** Hessian eigenvalues at m_i, ascending: the sharpness people quote. */
  eigenvalues: [number, number];
}

export interface Saddle2D {
  x: number;
  y: number;
  f: number;
}

/** The R^d analysis for basin Ω_i under one arm. */
export interface BasinTheory2D {
  index: number;
  /** r_i: distance from m_i to where Ω_i meets another basin (the box edge is not an exit). */
  radius: number;
  /** l*_i by reachability (truncated jumps with gradient flow between them). */
  lStar: number;
  /** ⌈r_i / b⌉, the count if jumps could not use the flow; null unclipped. */
  jumpsByRadius: number | null;
  /** α + (α − 1)(l*_i − 1). */
  exponent: number;
  large: boolean;
}

export interface ArmTheory2D {
  label: string;
  clip: number | null;
  /** The noise's shape (Pareto: isotropic or axes; stable, Student-t, measured: axes); absent for Gaussian noise. */
  direction?: 'isotropic' | 'axes';
  /** When applicable: the tail index α the exponents use and the balance p₊ of each coordinate's (or the radius's) tail. */
  tail?: { alpha: number; pPlus: number };
  /** False for light-tailed noise, a single minimum or counts that could not be computed: see `assumptions`. */
  applicable: boolean;
  fields: BasinTheory2D[];
  /** [i, j] iff l_ij = l*_i. */
  edges: [number, number][];
  classes: CommunicatingClass[];
  irreducible: boolean;
  /** Every basin can be left into each basin it borders with l*_i jumps. */
  symmetric: boolean;
  /** M^large, only when the graph is irreducible (each class lists its own large minima). */
  largeMinima?: number[];
  assumptions: { ok: boolean; messages: string[] };
  /** Why there is no q_i here. */
  note: string;
}

export interface TheoryReport2D {
  dimension: 2;
  fields: Minimum2D[];
  saddles: Saddle2D[];
  /** The basin map behind radii and counts: nodes per side and their spacing h. */
  basinMap: { nodes: number; spacing: number };
  arms: ArmTheory2D[];
}
