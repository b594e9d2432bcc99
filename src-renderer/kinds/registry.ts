import type { ExperimentConfig } from '../../src-shared/model';
import { exitTime2dView, longRun2dView } from './twoDimensional';
import { exitTimeView } from './exitTime';
import type { AnyRendererKind, RendererKind } from './rendererKind';
import { longRunView } from './longRun';
import { sweepView } from './sweep';

/**
 * The renderer halves of the experiment kinds, by kind name (their components are in
 * kindViews.ts). A new kind registers its RendererKind here and its components there.
 */
const rendererKinds = new Map<string, AnyRendererKind>();

export function registerRendererKind(kind: AnyRendererKind): void {
  if (rendererKinds.has(kind.kind)) throw new Error(`renderer kind "${kind.kind}" is already registered`);
  rendererKinds.set(kind.kind, kind);
}

export function rendererKind<C extends ExperimentConfig>(config: C): RendererKind<C> {
  return rendererKindNamed(config.kind) as RendererKind<C>;
}

export function rendererKindNamed(name: string): AnyRendererKind {
  const kind = rendererKinds.get(name);
  if (!kind) throw new Error(`no view for experiment kind "${name}"`);
  return kind;
}

registerRendererKind(exitTimeView);
registerRendererKind(longRunView);
registerRendererKind(exitTime2dView);
registerRendererKind(longRun2dView);
registerRendererKind(sweepView);
