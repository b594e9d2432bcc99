/**
 * Reduce a thinned path X(0), X(thin), X(2·thin), … to what a chart of `columns` pixel columns
 * can show over iterations [from, to]: per column the lowest and highest point, in the order
 * they occur. Every excursion survives (a jump to another well is never smoothed away, as an
 * average would), and the output has at most 2·columns points whatever the path's length.
 */
export function minMaxColumns(
  path: ArrayLike<number>,
  thin: number,
  from: number,
  to: number,
  columns: number,
): [number, number][] {
  const first = Math.max(0, Math.ceil(from / thin));
  const last = Math.min(path.length - 1, Math.floor(to / thin));
  if (last < first) return [];
  const out: [number, number][] = [];
  if (last - first + 1 <= 2 * columns) {
    for (let k = first; k <= last; k++) out.push([k * thin, path[k]]);
    return out;
  }
  const span = (last - first + 1) / columns;
  for (let c = 0; c < columns; c++) {
    const start = first + Math.floor(c * span);
    const end = Math.min(last + 1, first + Math.floor((c + 1) * span));
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    for (let k = start + 1; k < end; k++) {
      if (path[k] < path[lo]) lo = k;
      if (path[k] > path[hi]) hi = k;
    }
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    out.push([a * thin, path[a]]);
    if (b !== a) out.push([b * thin, path[b]]);
  }
  return out;
}
