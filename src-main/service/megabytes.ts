/** The environment variable every door reads for the memory budget's default, in megabytes. */
export const MEMORY_BUDGET_ENV = 'LAB_MEMORY_BUDGET_MB';

/**
 * A memory size as a user types it (`--memory-budget`, LAB_MEMORY_BUDGET_MB): undefined when
 * absent or blank, else a number of megabytes > 0; anything else throws, naming `name`. One
 * parser for every door, so the CLI, the server and the app agree on what they accept.
 */
export function parseMegabytes(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const mb = Number(text);
  if (!Number.isFinite(mb) || mb <= 0) throw new RangeError(`${name} must be a number of megabytes > 0, got "${text}"`);
  return mb;
}
