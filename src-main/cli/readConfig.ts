import { readFileSync } from 'node:fs';
import { ConfigFileError } from './errors';

/**
 * Read a config file as JSON, without judging its content (LabService validates that).
 * A missing file or broken JSON is the user's input error: say which file and where.
 */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new ConfigFileError(`--config ${path}: cannot read the config file (${why})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigFileError(`--config ${path}: not valid JSON (${where(text, error as Error)})`);
  }
}

/** Turn V8's "at position N" into a line and column a person can find. */
function where(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return error.message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '')} at line ${line}, column ${column}`;
}
