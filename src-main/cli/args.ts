import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Strict parsing: an unknown option or a missing value is a usage error (exit 2) that names
 * the option and points at the command's --help.
 */
export function parseCommandArgs(argv: string[], options: Options, positionals: number, help: string): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''), help);
  }
  if (parsed.values.help) return parsed as ParsedArgs;
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`, help);
  }
  return parsed as ParsedArgs;
}

export function requireString(args: ParsedArgs, name: string, help: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`, help);
  return v;
}

export function runId(args: ParsedArgs, help: string): number {
  const raw = args.positionals[0];
  if (raw === undefined) throw new UsageError('the run ID is required', help);
  const id = Number(raw.replace(/^#/, ''));
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError(`ID: "${raw}" is not a run id (a whole number ≥ 1)`, help);
  return id;
}

export function positiveInteger(args: ParsedArgs, name: string, help: string): number | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--${name}: "${String(raw)}" must be a whole number ≥ 1`, help);
  }
  return n;
}

export function positiveNumber(args: ParsedArgs, name: string, help: string): number | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name}: "${String(raw)}" must be a number > 0`, help);
  }
  return n;
}
