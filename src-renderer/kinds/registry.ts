import type { Component } from 'vue';
import { experimentKind } from '../../src-shared/kinds/registry';
import type { ExperimentConfig } from '../../src-shared/model';
import ExitTimeResults from '../components/ExitTimeResults.vue';
import LongRunResults from '../components/LongRunResults.vue';
import { exitTimeView } from './exitTime';
import type { AnyRendererKind, RendererKind } from './rendererKind';
import { longRunView } from './longRun';

/**
 * The renderer halves of the experiment kinds, by kind name, and the result components by the
 * name a pure kind module gives as its `resultView`. A new kind registers both here: its
 * RendererKind and its result component. Props every result component takes: config, result
 * (summary), reports (theory per η of `theoryEtas`), report (the one shown), runId, status.
 */
const rendererKinds = new Map<string, AnyRendererKind>();
const resultViews = new Map<string, Component>();

export function registerRendererKind(kind: AnyRendererKind, resultView: Component): void {
  if (rendererKinds.has(kind.kind)) throw new Error(`renderer kind "${kind.kind}" is already registered`);
  rendererKinds.set(kind.kind, kind);
  resultViews.set(experimentKind(kind.kind).resultView, resultView);
}

export function rendererKind<C extends ExperimentConfig>(config: C): RendererKind<C> {
  return rendererKindNamed(config.kind) as RendererKind<C>;
}

export function rendererKindNamed(name: string): AnyRendererKind {
  const kind = rendererKinds.get(name);
  if (!kind) throw new Error(`no view for experiment kind "${name}"`);
  return kind;
}

/** The component that shows a result of kind `kind` (the pure module's `resultView`). */
export function resultViewOf(kind: string): Component | undefined {
  return resultViews.get(experimentKind(kind).resultView);
}

registerRendererKind(exitTimeView, ExitTimeResults);
registerRendererKind(longRunView, LongRunResults);
