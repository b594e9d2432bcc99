import type { Noise } from '../../../src-shared/model/noise';
import type { KernelParams } from '../../../src-main/engine/tasks';
import { wasmKernels, type WasmKernels } from '../../../src-main/engine/wasm/wasmModule';
import { paper } from './fixtures';

/** The module, or the reason it did not load as the test's failure (the bit-identity tests need it). */
export function loadedKernels(): WasmKernels {
  const loaded = wasmKernels();
  if (!('exports' in loaded)) throw new Error(`the WebAssembly kernels did not load: ${loaded.missing}`);
  return loaded;
}

/** Every number as its exact 64-bit pattern (so −0 ≠ 0 and NaN payloads count too): equal strings, bit-identical numbers. */
export function bits(value: unknown): string {
  const view = new DataView(new ArrayBuffer(8));
  return JSON.stringify(value, (_, v: unknown) => {
    if (typeof v !== 'number') return v;
    view.setFloat64(0, v);
    return view.getBigUint64(0).toString(16);
  });
}

/** Kernel parameters on the paper's landscape. */
export function params(noise: Noise, clip: number | null, eta: number): KernelParams {
  return { criticalPoints: [...paper.criticalPoints], L: paper.L, gradientScale: paper.gradientScale, noise, clip, eta };
}

/** Heavy enough noise that jumps get clipped and, near Ω's ends, projected onto ±L = ±1.6. */
export const pareto: Noise = { family: 'pareto', alpha: 1.2, scale: 1, pPlus: 0.5 };
export const gaussian: Noise = { family: 'gaussian', sigma: 8 };

/** The 1-D kernel variants both implementations must agree on, bit for bit. */
export const wasmVariants = [
  { name: 'Pareto clipped', p: params(pareto, 0.5, 0.02) },
  { name: 'Pareto unclipped', p: params(pareto, null, 0.02) },
  { name: 'Gaussian clipped', p: params(gaussian, 0.5, 0.02) },
  { name: 'Gaussian unclipped', p: params(gaussian, null, 0.02) },
  // 9 points: the gradient's general product (not the 3/5/7-point trees), and more saddles than
  // the long-run tally compares in registers (counted one step at a time).
  { name: 'Pareto clipped, 9 points', p: { ...params(pareto, 0.5, 0.02), criticalPoints: [-1.6, -1.51, -1.3, -0.66, 0.2, 0.49, 0.7, 1.32, 1.5] } },
  // Two saddles: fewer than the three the long-path tally compares against.
  { name: 'Gaussian clipped, 5 points', p: { ...params(gaussian, 0.5, 0.02), criticalPoints: [-1.3, -0.66, 0.2, 0.7, 1.32] } },
];
