import { describe, expect, it } from 'vitest';
import { MIN_NOISE_SAMPLES, NoiseFileError, parseNoiseFile } from '../../../src-shared/stats/noiseFile';

const numbers = (n: number, f = (i: number) => (i % 7) - 3.25) => Array.from({ length: n }, (_, i) => String(f(i)));

function errorOf(run: () => unknown): NoiseFileError {
  try {
    run();
  } catch (e) {
    if (e instanceof NoiseFileError) return e;
    throw e;
  }
  throw new Error('expected a NoiseFileError');
}

describe('reading a noise file', () => {
  it('reads one number a line, with a header, comments, blank lines, CRLF and a BOM', () => {
    const text = '\uFEFFgrad\r\n# measured on layer 3\r\n\r\n' + numbers(MIN_NOISE_SAMPLES).join('\r\n') + '\r\n1e-3\r\n-.5\r\n+2.\r\n';
    const [z] = parseNoiseFile(text, 'noise.csv');
    expect(z.length).toBe(MIN_NOISE_SAMPLES + 3);
    expect(z[0]).toBe(-3.25);
    expect(Array.from(z.slice(-3))).toEqual([1e-3, -0.5, 2]);
  });

  it('reads two columns for 2-D noise, separated by comma, semicolon, tab or spaces', () => {
    const seps = [',', ';', '\t', '   '];
    const lines = numbers(MIN_NOISE_SAMPLES).map((v, i) => `${v}${seps[i % 4]}${-i}`);
    const [x, y] = parseNoiseFile('x,y\n' + lines.join('\n'), 'xy.csv', 2);
    expect(x.length).toBe(MIN_NOISE_SAMPLES);
    expect(y[5]).toBe(-5);
    expect(x[5]).toBe(1.75);
  });

  it('names the file and line of a value that is not a finite number', () => {
    for (const bad of ['abc', '1.2.3', '0x10', 'Infinity', 'NaN', '1e400', '1,2']) {
      const lines = numbers(MIN_NOISE_SAMPLES);
      lines.splice(41, 0, bad);
      const e = errorOf(() => parseNoiseFile(['value', ...lines].join('\n'), 'grads.txt'));
      expect(e.file).toBe('grads.txt');
      expect(e.line).toBe(43);
      expect(e.message).toMatch(/^grads\.txt, line 43: /);
    }
  });

  it('a non-number on the first line is an error unless every field reads as a name', () => {
    expect(errorOf(() => parseNoiseFile(['1x', ...numbers(MIN_NOISE_SAMPLES)].join('\n'), 'a.csv')).line).toBe(1);
    expect(errorOf(() => parseNoiseFile(['nan', ...numbers(MIN_NOISE_SAMPLES)].join('\n'), 'a.csv')).line).toBe(1);
  });

  it('refuses an empty file and fewer than the minimum number of samples, naming the file', () => {
    const empty = errorOf(() => parseNoiseFile('\n# nothing\n\n', 'empty.csv'));
    expect(empty.line).toBeNull();
    expect(empty.message).toMatch(/^empty\.csv: no samples/);
    const few = errorOf(() => parseNoiseFile(numbers(MIN_NOISE_SAMPLES - 1).join('\n'), 'few.csv'));
    expect(few.message).toBe(`few.csv: ${MIN_NOISE_SAMPLES - 1} samples; at least ${MIN_NOISE_SAMPLES} are needed to fit a tail`);
  });
});
