import type { Field } from '../model/landscape';

/** Theory for one field Ω_i under one arm (Section 2 of the paper). */
export interface FieldTheory {
  index: number;
  /** r_i = min(m_i − s_{i−1}, s_i − m_i). */
  radius: number;
  /** l*_i = ⌈r_i / b⌉ (1 when unclipped). */
  lStar: number;
  /** β_i = α + (α − 1)(l*_i − 1). */
  exponent: number;
  /** Large within its communicating class G: l*_i = l*_G, the largest l* in G (§2.3). */
  large: boolean;
  /**
   * With an η: q_i, q_ij and the predicted mean first exit time 1/(q_i λ_i(η)); `qError` and
   * `qToError` estimate the absolute numerical error of q_i and q_ij (0 for the closed form
   * of l* = 1; predictedMeanExit carries the relative error qError/q).
   */
  q?: number;
  qError?: number;
  qTo?: Record<string, number>;
  qToError?: Record<string, number>;
  predictedMeanExit?: number;
}

export interface NoiseTailTheory {
  alpha: number;
  pPlus: number;
  h?: number;
}

export interface CommunicatingClass {
  members: number[];
  absorbing: boolean;
  /** The members whose field is large within this class: l*_i = l*_G (§2.3). */
  largeMinima: number[];
}

export interface ArmTheory {
  label: string;
  clip: number | null;
  /** False for light-tailed noise, failed assumptions or a single minimum: then only `assumptions` is meaningful. */
  applicable: boolean;
  /**
   * The noise's tail as Theorem 1 sees it, when applicable: index α, balance p₊ and, with an η,
   * h = H(1/η) = P(|Z| > 1/η) from the family's own law.
   */
  tail?: NoiseTailTheory;
  fields: FieldTheory[];
  /** Typical transition graph: [i, j] iff l_ij = l*_i. */
  edges: [number, number][];
  classes: CommunicatingClass[];
  irreducible: boolean;
  symmetric: boolean;
  /**
   * M^large, defined by the paper only when G is irreducible, so present only then; otherwise
   * each class names its own large minima.
   */
  largeMinima?: number[];
  assumptions: { ok: boolean; messages: string[] };
}

export interface TheoryReport {
  fields: Field[];
  arms: ArmTheory[];
  eta?: number;
}
