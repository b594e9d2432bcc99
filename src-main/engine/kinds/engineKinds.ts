import type { AnyEngineKind } from './engineKind';
import { exitTimeEngine } from './exitTimeEngine';
import { longRunEngine } from './longRunEngine';
import { exitTime2dEngine, longRun2dEngine } from '../kinds2d/engineKinds2d';
import { sweepEngine } from './sweepEngine';

/**
 * The engine half of every experiment kind, by name (the pure half: src-shared/kinds/registry.ts).
 * The executor, the worker, the aggregation and the CSV export look kinds up here.
 */
const kinds = new Map<string, AnyEngineKind>();

export function registerEngineKind(kind: AnyEngineKind): void {
  if (kinds.has(kind.kind)) throw new Error(`engine kind "${kind.kind}" is already registered`);
  kinds.set(kind.kind, kind);
}

export function unregisterEngineKind(name: string): void {
  kinds.delete(name);
}

export function engineKind(name: string): AnyEngineKind {
  const kind = kinds.get(name);
  if (!kind) throw new Error(`no engine for experiment kind "${name}" (this engine runs ${engineKindNames().join(', ')})`);
  return kind;
}

export function hasEngineKind(name: string): boolean {
  return kinds.has(name);
}

export function engineKindNames(): string[] {
  return [...kinds.keys()];
}

registerEngineKind(exitTimeEngine);
registerEngineKind(longRunEngine);
registerEngineKind(exitTime2dEngine);
registerEngineKind(longRun2dEngine);
registerEngineKind(sweepEngine);
