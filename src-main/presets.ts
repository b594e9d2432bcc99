import type { PresetInfo } from '../src-shared/api';
// Imported one by one (not read from disk) so every bundle — CLI, server, Electron — carries them.
import figure4 from '../resources/presets/figure-4-exit-times.json';
import figures15 from '../resources/presets/figures-1-5-long-run.json';
import figure3 from '../resources/presets/figure-3-three-wells.json';
import families from '../resources/presets/noise-families-exit-times.json';
import figure4TwoD from '../resources/presets/figure-4-2d-exit-times.json';
import figure1TwoD from '../resources/presets/figure-1-2d-long-run.json';
import axesVsIsotropic from '../resources/presets/axes-vs-isotropic-2d.json';

/** The paper's experiments, ready to run (configs as written in resources/presets). */
export const experimentPresets: readonly PresetInfo[] = [
  {
    id: 'figure-4-exit-times',
    title: 'Figure 4: exit times vs η',
    description:
      'First exit time σ from Ω2 of the paper landscape, x0 = −0.7, for η = 0.1 … 0.0001 and 20 samples each; ' +
      'clipped (b = 0.5, predicted exponent β = 1.4) against unclipped (β = α = 1.2) heavy-tailed SGD. ' +
      'About 1.2 billion iterations in all, most of them at η = 1e-4 (the clipped mean σ there is ≈ 4e7).',
    config: figure4,
  },
  {
    id: 'figures-1-5-long-run',
    title: 'Figures 1 and 5: where SGD spends its time',
    description:
      'Heavy- and light-tailed SGD, with and without clipping b = 0.5, on the paper landscape: η = 0.001, ' +
      '20 paths × 3,000,000 iterations from x0 = 0.3, trajectories thinned every 250 steps. ' +
      'Clipped heavy-tailed SGD settles in the wide minima m2 and m4 (Figure 1); Figure 5 shows the paths.',
    config: figures15,
  },
  {
    id: 'figure-3-three-wells',
    title: 'Figure 3: three wells, b = 0.5 and 0.4',
    description:
      'The three-wells landscape (m2 − s1 = 0.6, s2 − m2 = 0.9): with b = 0.5 the typical transition graph is ' +
      'irreducible, with b = 0.4 {m1, m2} is absorbing and {m3} transient. A small long run (4 paths × 1,000,000, ' +
      'η = 0.005) from m2 shows the difference in occupancy and transitions.',
    config: figure3,
  },
  {
    id: 'noise-families-exit-times',
    title: 'Noise families at the same α: Pareto, α-stable, Student-t',
    description:
      'Figure 4 for three heavy-tailed families with the same tail index α = 1.2 (Student-t: ν = 1.2), the same ' +
      'scale 0.1 and clip b = 0.5, on the paper landscape from x0 = −0.7, for η = 0.1 … 0.001 and 20 samples each. ' +
      'Theorem 1 predicts the same exponent β = 1.4 for all three; only the constant differs, through each ' +
      'family\'s own tail H(1/η). About 0.4 billion iterations; α-stable draws cost about ten times a Pareto draw.',
    config: families,
  },
  {
    id: 'figure-4-2d-exit-times',
    title: '2-D Figure 4: exit from the wide basin',
    description:
      'First exit time from the wide basin (basin 1, r₁ ≈ 1.32) of the wide-and-sharp landscape, x0 = (−0.8, −0.2), ' +
      'for η = 0.1 … 0.001 and 20 samples: isotropic Pareto α = 1.2 clipped at b = 0.5 (three truncated jumps, ' +
      'predicted exponent 1.6) against unclipped (one jump, 1.2), and a Gaussian control (no jump structure: censored).',
    config: figure4TwoD,
  },
  {
    id: 'figure-1-2d-long-run',
    title: '2-D Figure 1: where SGD spends its time',
    description:
      'Heavy- and light-tailed SGD, with and without clipping b = 0.5, on wide-and-sharp from the deepest, sharpest ' +
      'well (x0 = (0.9, 0.8)): η = 0.01, 8 paths × 2,000,000 iterations. Clipped heavy tails leave the sharp wells ' +
      'with one jump but need three to leave the wide basin, so they settle there.',
    config: figure1TwoD,
  },
  {
    id: 'axes-vs-isotropic-2d',
    title: '2-D: axes vs isotropic noise',
    description:
      'Unclipped Pareto α = 1.5 noise leaving the wide basin of wide-and-sharp: isotropic noise reaches the basin ' +
      'boundary with one jump (exponent 1.5), noise along the axes needs two (exponent 2), because one axis jump ' +
      'from m₁ stays on the two axis lines through it, which do not leave basin 1.',
    config: axesVsIsotropic,
  },
];
