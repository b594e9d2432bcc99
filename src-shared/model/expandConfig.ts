import type { Arm, ExperimentConfig } from './config';
import { configLimits } from './configSchema';
import { landscapePresets, fieldIndexOf, type Landscape, type LandscapePresetName } from './landscape';
import type { AnyExperimentKindModule } from '../kinds/kindModule';
import { experimentKindNames, findExperimentKind } from '../kinds/registry';
import { landscapeFamilyOf } from '../landscapes/registry';
import { isTwoDimensionalInput } from './config2d';
import { ConfigError, jsonPath, type FieldIssue } from './validation';

/**
 * Validate a config as a user wrote it and expand it: presets resolved into explicit
 * values and defaults filled, so a stored run never changes when a preset does.
 * Throws ConfigError naming every offending field.
 */
export function expandConfig(input: unknown): ExperimentConfig {
  const kind = kindOfInput(input);
  const parsed = kind.input.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })));
  }
  return kind.expand(parsed.data) as ExperimentConfig;
}

/** What every run on one landscape shares, as its kind's schema parsed it. */
export interface SingleRunInput {
  kind: string;
  name?: string;
  landscape: Landscape | { preset: LandscapePresetName };
  x0: number;
  arms: Arm[];
}

/**
 * The expansion of a run on one landscape (exit-time, long-run, and each cell of a composite
 * kind): the landscape preset resolved and checked, x0 inside a field, a name, copies of the
 * arms; then the kind's own checks on the result. Throws ConfigError naming every offending field.
 */
export function expandSingleRun<C>(raw: SingleRunInput, defaultName: string, kindIssues: (config: C) => FieldIssue[]): C {
  const given: Landscape = 'preset' in raw.landscape ? landscapePresets[raw.landscape.preset] : raw.landscape;
  const landscape: Landscape = { ...given, criticalPoints: [...given.criticalPoints] };
  const family = landscapeFamilyOf(landscape);
  const issues = [...family.issues(landscape)];
  if (issues.length === 0) issues.push(...family.startIssues(landscape, raw.x0));
  const name = raw.name && raw.name.length > 0 ? raw.name : defaultName;
  const arms = raw.arms.map((a) => ({ label: a.label, noise: { ...a.noise }, clip: a.clip }));
  const config = { ...raw, name, landscape, arms } as C;
  if (issues.length === 0) issues.push(...kindIssues(config));
  if (issues.length) throw new ConfigError(issues);
  return config;
}

/** The registered kind an input names; a missing or unknown kind is an issue at `kind`. */
function kindOfInput(input: unknown): AnyExperimentKindModule {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError([{ path: '', message: `Invalid input: expected object, received ${input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input}` }]);
  }
  const name = (input as { kind?: unknown }).kind;
  // A run on a 2-D landscape is its kind's 2-D variant (its own schema, kernels and result shape).
  const routed = typeof name === 'string' && isTwoDimensionalInput(input) && findExperimentKind(`${name}-2d`) ? `${name}-2d` : name;
  const kind = typeof routed === 'string' ? findExperimentKind(routed) : undefined;
  if (!kind) {
    const known = experimentKindNames().filter((k) => !k.endsWith('-2d')).map((k) => `"${k}"`);
    const expected = known.length === 2 ? known.join(' or ') : `one of ${known.join(', ')}`;
    throw new ConfigError([{ path: 'kind', message: `unknown experiment kind (expected ${expected})` }]);
  }
  return kind;
}

/** Assumption 1 by construction: points strictly increasing, odd count, inside (−L, L). */
export function landscapeIssues(landscape: Landscape): FieldIssue[] {
  const c = landscape.criticalPoints;
  const issues: FieldIssue[] = [];
  if (c.length === 0) {
    issues.push({ path: 'landscape.criticalPoints', message: 'needs at least one minimum' });
    return issues;
  }
  if (c.length > configLimits.criticalPoints) {
    issues.push({
      path: 'landscape.criticalPoints',
      message: `at most ${configLimits.criticalPoints} critical points (the theory's cost grows with their number); got ${c.length}`,
    });
    return issues;
  }
  if (c.length % 2 === 0) {
    issues.push({
      path: 'landscape.criticalPoints',
      message: `needs an odd count (m1, s1, …, mn); got ${c.length}`,
    });
  }
  for (let k = 1; k < c.length; k++) {
    if (!(c[k] > c[k - 1])) {
      issues.push({
        path: `landscape.criticalPoints[${k}]`,
        message: `must be greater than the point before it (${c[k - 1]}); critical points must be strictly increasing`,
      });
    }
  }
  const L = landscape.L;
  if (c[0] <= -L || c[c.length - 1] >= L) {
    issues.push({
      path: 'landscape.L',
      message: `L = ${L} must enclose the critical points: −L < ${c[0]} and ${c[c.length - 1]} < L`,
    });
  }
  return issues;
}

export function startIssues(landscape: Landscape, x0: number): FieldIssue[] {
  const L = landscape.L;
  if (x0 < -L || x0 > L) return [{ path: 'x0', message: `must lie in [−L, L] = [${-L}, ${L}]` }];
  if (fieldIndexOf(landscape, x0) === 0) {
    return [{ path: 'x0', message: `${x0} is a saddle point; start inside an attraction field` }];
  }
  return [];
}
