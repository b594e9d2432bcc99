/**
 * What Theorem 1 needs of a noise law: P(|Z| > x) regularly varying with index α > 1 and tail
 * balance p₊ = lim P(Z > x)/P(|Z| > x). With these and the landscape, l*, the exponents, the
 * transition graph and the limit constants are fixed; only λ_i(η) needs the full tail H.
 */
export interface RegularVariation {
  alpha: number;
  pPlus: number;
}
