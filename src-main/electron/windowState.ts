import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Size and position of the one window, kept in userData/window-state.json between sessions. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowState: WindowState = { width: 1280, height: 820, maximized: false };
const minSize = { width: 640, height: 480 };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Whatever was stored (or nothing, or garbage) as a usable state: at least the minimum size, no
 * larger than the biggest display, and the saved position only if the window's title bar area
 * still overlaps a display (a monitor may have been unplugged since).
 */
export function sanitizeWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const maxW = Math.max(minSize.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(minSize.height, ...workAreas.map((a) => a.height));
  const clamp = (v: unknown, lo: number, hi: number, fallback: number) => (finite(v) ? Math.round(Math.min(hi, Math.max(lo, v))) : fallback);
  const state: WindowState = {
    width: clamp(s.width, minSize.width, maxW, Math.min(defaultWindowState.width, maxW)),
    height: clamp(s.height, minSize.height, maxH, Math.min(defaultWindowState.height, maxH)),
    maximized: s.maximized === true,
  };
  if (finite(s.x) && finite(s.y)) {
    const bar: Rect = { x: s.x, y: s.y, width: state.width, height: 40 };
    const visible = workAreas.some((a) => overlap(a, bar) >= 100 * 20);
    if (visible) Object.assign(state, { x: Math.round(s.x), y: Math.round(s.y) });
  }
  return state;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // First start or a damaged file: defaults.
  }
  return sanitizeWindowState(raw, workAreas);
}

/** Write-then-rename, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}
