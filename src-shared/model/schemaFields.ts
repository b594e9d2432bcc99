import { z } from 'zod';

/**
 * The field builders every config schema (1-D, 2-D, sweeps) is written with, so that a field
 * means and says the same thing whichever kind it belongs to.
 */

/** A missing field says so; a present one of the wrong type says what it must be. */
export const wanted = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : what;

export const finite = () => z.number({ error: wanted('must be a number') }).refine(Number.isFinite, 'must be finite');
export const positive = () => finite().refine((v) => v > 0, 'must be > 0');
/** A positive scale small enough that the kernels' arithmetic (x^n, η·f'(x), 2L) stays finite. */
export const bounded = (max: number) => positive().refine((v) => v <= max, `must be at most ${max.toExponential()}`);
export const count = (max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: wanted('must be a whole number') })
    .refine((v) => Number.isSafeInteger(v), 'must be a whole number')
    .refine((v) => v >= 1, 'must be at least 1')
    .refine((v) => v <= max, `must be at most ${max.toLocaleString('en-US')}`);
export const text = (max: number) =>
  z.string({ error: wanted('must be a text') }).trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** Labels name the arms in legends, tables and the CSV `arm` column, so two arms must never share one. */
export function uniqueLabels(arms: { label: string }[], ctx: z.RefinementCtx): void {
  const first = new Map<string, number>();
  arms.forEach((a, i) => {
    const earlier = first.get(a.label);
    if (earlier === undefined) first.set(a.label, i);
    else ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `must differ from arms[${earlier}].label ("${a.label}")` });
  });
}

/** Repeated η add no point to the exit-time curve and make the log-log fit degenerate. */
export function distinctEtas(etas: number[], ctx: z.RefinementCtx): void {
  etas.forEach((eta, k) => {
    const first = etas.indexOf(eta);
    if (first !== k) ctx.addIssue({ code: 'custom', path: [k], message: `η = ${eta} repeats etas[${first}]; the values must be distinct` });
  });
}
