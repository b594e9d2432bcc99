/**
 * Reading a file of measured noise: plain text or CSV, one sample a line (two fields a line for
 * 2-D noise, one per coordinate), fields separated by a comma, semicolon, tab or spaces. Blank
 * lines and lines starting with '#' are skipped; the first non-blank line may be a header whose
 * fields all start with a letter (e.g. "grad" or "x,y"). Anything else that is not a finite
 * decimal number is an error naming the file and line, so nothing half-read is ever used.
 */

/**
 * Fewest samples accepted. The default tail threshold is the 95% quantile of |Z|
 * (splicedLaw.ts), so 1000 samples leave 50 exceedances for the tail fit, where the fitted
 * ξ = 1/α has a standard error of about (1 + ξ)/√50 ≈ 0.2.
 */
export const MIN_NOISE_SAMPLES = 1000;

export class NoiseFileError extends Error {
  readonly file: string;
  /** 1-based line the error is on, or null when it concerns the whole file. */
  readonly line: number | null;

  constructor(file: string, line: number | null, message: string) {
    super(line === null ? `${file}: ${message}` : `${file}, line ${line}: ${message}`);
    this.name = 'NoiseFileError';
    this.file = file;
    this.line = line;
  }
}

/** A plain decimal number (what spreadsheets and numpy.savetxt write); no hex, no "Infinity". */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEADER_FIELD = /^"?[A-Za-z_][^"]*"?$/;
const SEPARATOR = /\s*[,;\t]\s*|\s+/;

/** The columns of a noise file, one Float64Array per coordinate, all of the same length. */
export function parseNoiseFile(text: string, file: string, columns: 1 | 2 = 1): Float64Array[] {
  const values: number[][] = Array.from({ length: columns }, () => []);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(SEPARATOR).filter((f) => f !== '');
    if (!seenContent) {
      seenContent = true;
      if (fields.every((f) => HEADER_FIELD.test(f) && !/^"?(nan|inf|infinity)"?$/i.test(f))) continue;
    }
    if (fields.length !== columns) {
      throw new NoiseFileError(file, i + 1, `expected ${columns === 1 ? 'one number' : 'two numbers'}, found ${fields.length} field${fields.length === 1 ? '' : 's'} ("${clip(line)}")`);
    }
    for (let c = 0; c < columns; c++) {
      const f = fields[c];
      const v = NUMBER.test(f) ? Number(f) : NaN;
      if (!Number.isFinite(v)) throw new NoiseFileError(file, i + 1, `"${clip(f)}" is not a finite number`);
      values[c].push(v);
    }
  }
  const count = values[0].length;
  if (count === 0) throw new NoiseFileError(file, null, 'no samples (the file is empty or holds only blank lines, comments and a header)');
  if (count < MIN_NOISE_SAMPLES) throw new NoiseFileError(file, null, `${count} samples; at least ${MIN_NOISE_SAMPLES} are needed to fit a tail`);
  return values.map((v) => Float64Array.from(v));
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
