import type { Component } from 'vue';
import { experimentKind } from '../../src-shared/kinds/registry';
import ExitTimeResults from '../components/ExitTimeResults.vue';
import ExitTimeSettings from '../components/ExitTimeSettings.vue';
import LongRunResults from '../components/LongRunResults.vue';
import LongRunSettings from '../components/LongRunSettings.vue';
import Results2D from '../components/Results2D.vue';
import Settings2D from '../components/Settings2D.vue';
import SweepResults from '../components/SweepResults.vue';

/**
 * The components of each experiment kind. A result component is registered under the name the
 * pure kind module gives as its `resultView`, and takes: config, result (the summary), reports
 * (theory at each of the kind's `theoryEtas`), report (the one shown), runId, status. A settings
 * component holds the Design page's inputs for the kind's own fields and takes `issues`.
 */
const resultViews = new Map<string, Component>();
const settingsViews = new Map<string, Component>();

export function registerKindViews(kind: string, views: { result: Component; settings: Component }): void {
  const name = experimentKind(kind).resultView;
  if (resultViews.has(name)) throw new Error(`result view "${name}" is already registered`);
  resultViews.set(name, views.result);
  settingsViews.set(kind, views.settings);
}

/** The component that shows a result of kind `kind` (the pure module's `resultView`). */
export function resultViewOf(kind: string): Component | undefined {
  return resultViews.get(experimentKind(kind).resultView);
}

/** The Design page's inputs for kind `kind`'s own settings. */
export function settingsViewOf(kind: string): Component | undefined {
  return settingsViews.get(kind);
}

registerKindViews('exit-time', { result: ExitTimeResults, settings: ExitTimeSettings });
registerKindViews('long-run', { result: LongRunResults, settings: LongRunSettings });
// Both 2-D kinds share one result view (it tells the results apart by `kind`).
resultViews.set(experimentKind('exit-time-2d').resultView, Results2D);
settingsViews.set('exit-time-2d', Settings2D);
settingsViews.set('long-run-2d', Settings2D);
// A sweep's base and axes are designed in the sweep tab; its settings card is empty.
registerKindViews('sweep', { result: SweepResults, settings: { render: () => null } });
