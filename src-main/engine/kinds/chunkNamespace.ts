/**
 * Chunk keys of a nested kind. A composite kind (a sweep whose cells are whole exit-time or
 * long-run runs) stores each cell's chunks under its own prefix, e.g. "c12/" + "a0/e2/s40-59",
 * and hands the cell's kind only its own chunks with the prefix removed: the cell's plan and
 * aggregate then work exactly as for a standalone run.
 */
export function namespacedKey(prefix: string, key: string): string {
  return `${prefix}${key}`;
}

/** The chunks under `prefix`, keyed without it. */
export function withinNamespace<C>(chunks: ReadonlyMap<string, C>, prefix: string): Map<string, C> {
  const out = new Map<string, C>();
  for (const [key, chunk] of chunks) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), chunk);
  return out;
}
