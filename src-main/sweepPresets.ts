import type { PresetInfo } from '../src-shared/api';
// Imported one by one (not read from disk) so every bundle carries them, as presets.ts does.
import bStaircase from '../resources/presets/sweep-b-staircase.json';
import sharpShare from '../resources/presets/sweep-sharp-minima-share.json';
import clip2d from '../resources/presets/sweep-2d-clip.json';

/**
 * The sweep presets (configs as written in resources/presets). The service lists them after the
 * single-run presets; the designer opens them in its sweep tab.
 */
export const sweepPresets: readonly PresetInfo[] = [
  {
    id: 'sweep-b-staircase',
    title: 'The b staircase',
    description:
      'First exit time from Ω2 of the paper landscape (x0 = −0.7, Pareto α = 1.2, scale 0.1) for 12 clip thresholds b ' +
      'from 0.23 to 0.9, at η = 0.1, 0.03 and 0.01 with 200 samples each. Theory: l*₂ = ⌈r₂/b⌉ with r₂ = 0.64 steps ' +
      'from 1 to 2 at b = 0.64 and from 2 to 3 at b = 0.32, so the fitted exponent should climb the staircase ' +
      'β = 1.2 → 1.4 → 1.6 as b falls. l*₂ = 4 (b < 0.213) needs about 1e9 iterations per sample already at η = 0.01 ' +
      'and is left out. The theory\'s estimated work is 5.2e10 iterations (the cells b = 0.23 and 0.24 are 87% of it); ' +
      'run end to end on a 2-core machine shared with other work it took 15.5 minutes for 1.31e10 iterations, ' +
      'with fitted slopes 1.62–1.74, 1.34–1.46 and 1.12–1.17 on the three steps.',
    config: bStaircase,
  },
  {
    id: 'sweep-sharp-minima-share',
    title: 'Time in the sharp minima over b × α',
    description:
      'Long runs on the paper landscape (8 paths × 50,000,000 iterations at η = 0.01 from x0 = 0.3, in the sharp Ω3) ' +
      'over b ∈ {0.25, 0.35, 0.5, 0.7, unclipped} × α ∈ {1.2, 1.4, 1.6, 1.8}. Theory: for 0.21 < b < 0.62 the sharp ' +
      'fields Ω1, Ω3 (r = 0.21) are left in one jump and the wide ones (r = 0.64, 0.62) need two or three, so the ' +
      'share of time in Ω1 ∪ Ω3 vanishes as η → 0, faster for larger α (b = 0.5: M^large = {m2, m4}); with b = 0.7 or ' +
      'unclipped every l* is 1 and the sharp fields keep a share. 8e9 iterations, about a minute on a 2-core machine.',
    config: sharpShare,
  },
  {
    id: 'sweep-2d-clip',
    title: 'The b staircase in 2-D',
    description:
      'First exit from the wide basin of the 2-D wide-and-sharp landscape (x0 = (−0.8, −0.2), isotropic Pareto α = 1.2, ' +
      'scale 1) for b ∈ {0.5, 0.6, 0.8, 1}, at η = 0.02 … 0.001 with 40 samples each. Theory (reachability on the basin ' +
      'map, r₁ = 1.32): l*₁ = 3 for b = 0.5, 0.6 and 2 for b = 0.8, 1 (the step lies between 0.6 and 0.8, near r₁/2 = 0.66), ' +
      'so the predicted exponent falls from 1.6 to 1.4. About 1.1e8 iterations: 14–41 s on a shared 2-core machine, fitted ' +
      'slopes 1.62, 1.43, 1.31, 1.32.',
    config: clip2d,
  },
];
