/** A plain-text table with aligned columns; numbers right-aligned, text left. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header.map(String), ...rows.map((r) => r.map((c) => (typeof c === 'number' ? num(c) : c)))];
  const right = header.map((_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === 'number' || r[k] === '—'));
  const widths = header.map((_, k) => Math.max(...cells.map((r) => width(r[k] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, k) => (right[k] ? c.padStart(widths[k] + c.length - width(c)) : c.padEnd(widths[k] + c.length - width(c))))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Display width, counting combining marks as zero (η, Ω, ₊ print one column). */
function width(s: string): number {
  return [...s.normalize('NFC')].length;
}

/** Compact, readable numbers: integers grouped, others to 4 significant digits. */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+∞';
  if (v === -Infinity) return '−∞';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return v.toExponential(3);
  const r = Number(v.toPrecision(4));
  return Math.abs(r) >= 1000 ? r.toLocaleString('en-US') : String(r);
}

export function percent(v: number): string {
  return `${(100 * v).toFixed(v > 0 && v < 0.001 ? 3 : 1)}%`;
}

/** Seconds → h:mm:ss or m:ss. */
export function clock(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Iteration counts and rates: 1.23M, 456k. */
export function si(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)}G`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(1)}k`;
  return String(Math.round(v));
}

/** An exit-time point's mean and stderr cells: numbers once it has samples, dashes while a partial result leaves it empty. */
export function meanCells(p: { samples: number; mean: number; stderr: number }): (number | string)[] {
  return p.samples === 0 ? ['—', '—'] : [p.mean, p.stderr];
}
