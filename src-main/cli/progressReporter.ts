import type { RunProgress } from '../../src-shared/api';
import { clock, si } from './format/table';

/**
 * Progress on stderr, never stdout (stdout carries the --json document). On a terminal a
 * bar redrawn in place; otherwise (logs, CI, pipes) one plain line every few seconds.
 * Exit-time totals are random: the total is an estimate, marked "~" and "(estimated)".
 */
export class ProgressReporter {
  private last = 0;
  private drawn = false;
  private latest: RunProgress | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly tty = Boolean(process.stderr.isTTY),
    private readonly plainEveryMs = 2000,
  ) {}

  update(p: RunProgress): void {
    this.latest = p;
    const now = Date.now();
    if (now - this.last < (this.tty ? 200 : this.plainEveryMs)) return;
    this.last = now;
    if (this.tty) {
      this.stream.write(`\r${this.bar(p)}\x1b[K`);
      this.drawn = true;
    } else {
      this.stream.write(`${this.line(p)}\n`);
    }
  }

  /** End the bar's line so later messages start on a fresh one. */
  finish(): void {
    if (this.drawn) this.stream.write(`\r${this.latest ? this.bar(this.latest) : ''}\x1b[K\n`);
    this.drawn = false;
  }

  line(p: RunProgress): string {
    const pct = fraction(p) * 100;
    return (
      `run ${p.id}: ${pct.toFixed(1)}% · ${si(p.done)}/${p.estimated ? '~' : ''}${si(p.total)} iterations` +
      `${p.estimated ? ' (estimated total)' : ''} · ${si(p.iterationsPerSecond)} it/s · ETA ${clock(p.etaSeconds)}` +
      queueText(p)
    );
  }

  bar(p: RunProgress, width = 30): string {
    const filled = Math.round(fraction(p) * width);
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.line(p)}`;
  }
}

/** The queue's side of a run on remote workers: who serves it, or why it waits. */
function queueText(p: RunProgress): string {
  if (p.waiting === 'redis-unreachable') return ' · waiting: Redis unreachable';
  if (p.waiting === 'no-workers') return ' · waiting: no worker connected (start `lab worker --redis …`)';
  if (!p.workers) return '';
  const w = p.workers;
  return ` · ${w.count} worker${w.count === 1 ? '' : 's'} (${w.threads} threads, ${si(w.iterationsPerSecond)} it/s)`;
}

function fraction(p: RunProgress): number {
  return p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
}
