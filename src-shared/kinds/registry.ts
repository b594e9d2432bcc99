import type { AnyExperimentKindModule } from './kindModule';
import { exitTimeKind } from './exitTime';
import { longRunKind } from './longRun';
import { exitTime2dKind } from './exitTime2d';
import { longRun2dKind } from './longRun2d';
import { sweepKind } from './sweep';

/**
 * The experiment kinds this lab knows, by name. The service, the store's readers, the CLI, the
 * exports and the renderer look a kind up here instead of branching on its name; adding a kind
 * is registering its module (docs/architecture.md, "Experiment kinds").
 */
const kinds = new Map<string, AnyExperimentKindModule>();

export function registerExperimentKind(kind: AnyExperimentKindModule): void {
  if (kinds.has(kind.kind)) throw new Error(`experiment kind "${kind.kind}" is already registered`);
  kinds.set(kind.kind, kind);
}

/** Forget a kind (tests that register one of their own clean up with it). */
export function unregisterExperimentKind(name: string): void {
  kinds.delete(name);
}

export function findExperimentKind(name: string): AnyExperimentKindModule | undefined {
  return kinds.get(name);
}

export function experimentKind(name: string): AnyExperimentKindModule {
  const kind = kinds.get(name);
  if (!kind) throw new Error(`unknown experiment kind "${name}" (this lab knows ${experimentKindNames().join(', ')})`);
  return kind;
}

export function experimentKindNames(): string[] {
  return [...kinds.keys()];
}

registerExperimentKind(exitTimeKind);
registerExperimentKind(longRunKind);
registerExperimentKind(exitTime2dKind);
registerExperimentKind(longRun2dKind);
registerExperimentKind(sweepKind);
