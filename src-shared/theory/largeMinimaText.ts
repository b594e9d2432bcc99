import type { ArmTheory } from './types';

const set = (ms: readonly number[]) => `{${ms.map((m) => `m${m}`).join(', ')}}`;

/**
 * Which minima are large, in the words every door uses so the CLI, the theory table and its
 * summary never disagree: M^large when G is irreducible; otherwise the large minima of each
 * communicating class, since a field is large only relative to its own class (§2.3).
 */
export function largeMinimaText(arm: Pick<ArmTheory, 'applicable' | 'largeMinima' | 'classes'>): string {
  if (!arm.applicable) return 'large minima: —';
  if (arm.largeMinima) return `M^large = ${set(arm.largeMinima)}`;
  const perClass = arm.classes.map((c) => `${set(c.largeMinima)} in ${set(c.members)} (${c.absorbing ? 'absorbing' : 'transient'})`);
  return `large per class: ${perClass.join('; ')}`;
}
