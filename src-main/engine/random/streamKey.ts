import { RNG_WORDS } from './xoshiro128';

/**
 * Independent random streams per chunk of a run: the key (seed, arm, η index, sample) of an
 * exit-time sample or (seed, arm, path) of a long path is packed injectively into 128 bits and
 * scrambled by an invertible mix into the xoshiro128** state. Different keys therefore start from
 * different states (never the same stream), and the mix spreads them over the period so the
 * streams behave as independent; the same key always gives the same stream, whichever worker
 * or chunking runs it.
 *
 * Packing: w0 = seed mod 2^32, w1 = ⌊seed / 2^32⌋ (seed < 2^53) with the experiment kind in bit
 * 31 (set for long-run) and the dimension in bit 29 (set for 2-D), w2 = arm | η index << 16,
 * w3 = sample or path index.
 *
 * Each key gives two xoshiro128** states, eight words in all (a NoiseStream): the main stream
 * feeds every sampler's first attempt, the auxiliary stream (same packing with bit 30 of w1 set)
 * feeds the rare ziggurat rejections and tails. Keeping those apart lets the samplers' hot loop
 * run without any function call (see paretoNoise.ts); both are part of a path's state.
 */
export type NoiseStream = Int32Array;

/** Words of a NoiseStream: main state 0–3, auxiliary state 4–7. */
export const STREAM_WORDS = 2 * RNG_WORDS;
type StreamDomain = 'exit-time' | 'long-run' | 'exit-time-2d' | 'long-run-2d';

interface StreamKey {
  domain: StreamDomain;
  seed: number;
  arm: number;
  etaIndex: number;
  index: number;
}

const LIMIT_16 = 0x10000;
const LIMIT_32 = 0x100000000;

function streamState(key: StreamKey): NoiseStream {
  const { seed, arm, etaIndex, index } = key;
  checkRange('seed', seed, 2 ** 53);
  checkRange('arm', arm, LIMIT_16);
  checkRange('etaIndex', etaIndex, LIMIT_16);
  checkRange('index', index, LIMIT_32);
  const stream = new Int32Array(STREAM_WORDS);
  for (const aux of [0, 1]) {
    const w = stream.subarray(aux * RNG_WORDS, (aux + 1) * RNG_WORDS);
    w[0] = seed % LIMIT_32;
    const longRun = key.domain === 'long-run' || key.domain === 'long-run-2d';
    const plane = key.domain === 'exit-time-2d' || key.domain === 'long-run-2d';
    w[1] = Math.floor(seed / LIMIT_32) | (longRun ? 0x80000000 : 0) | (aux << 30) | (plane ? 1 << 29 : 0);
    w[2] = arm | (etaIndex << 16);
    w[3] = index;
    scramble(w);
    if ((w[0] | w[1] | w[2] | w[3]) === 0) w[0] = 1; // the one all-zero state xoshiro cannot leave
  }
  return stream;
}

function checkRange(name: string, v: number, limit: number): void {
  if (!Number.isInteger(v) || v < 0 || v >= limit) {
    throw new RangeError(`stream key ${name} must be an integer in [0, ${limit}), got ${v}`);
  }
}

/**
 * Three rounds of a four-word Feistel network: w_{k+1} ^= fmix32(w_k + K), each step invertible,
 * so the whole map is a bijection of 128-bit words (distinct keys stay distinct). fmix32 is
 * MurmurHash3's finaliser (A. Appleby), a bijection with full avalanche.
 */
function scramble(w: Int32Array): void {
  const keys = [0x9e3779b9, 0x7f4a7c15, 0x85ebca6b, 0xc2b2ae35];
  for (let round = 0; round < 3; round++) {
    for (let k = 0; k < 4; k++) {
      const from = w[k];
      const to = (k + 1) & 3;
      w[to] ^= fmix32((from + keys[k] + round) | 0);
    }
  }
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

export function exitTimeStream(seed: number, arm: number, etaIndex: number, sample: number): NoiseStream {
  return streamState({ domain: 'exit-time', seed, arm, etaIndex, index: sample });
}

export function longRunStream(seed: number, arm: number, path: number): NoiseStream {
  return streamState({ domain: 'long-run', seed, arm, etaIndex: 0, index: path });
}

/** The 2-D kernels' streams: the same keys in their own domain, so they never repeat a 1-D stream. */
export function exitTime2dStream(seed: number, arm: number, etaIndex: number, sample: number): NoiseStream {
  return streamState({ domain: 'exit-time-2d', seed, arm, etaIndex, index: sample });
}

export function longRun2dStream(seed: number, arm: number, path: number): NoiseStream {
  return streamState({ domain: 'long-run-2d', seed, arm, etaIndex: 0, index: path });
}
