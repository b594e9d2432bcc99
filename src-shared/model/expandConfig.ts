import type { ExperimentConfig } from './config';
import { configInput, configLimits } from './configSchema';
import { landscapePresets, fields, fieldIndexOf, type Landscape } from './landscape';
import { ConfigError, jsonPath, type FieldIssue } from './validation';

/**
 * Validate a config as a user wrote it and expand it: presets resolved into explicit
 * values and defaults filled, so a stored run never changes when a preset does.
 * Throws ConfigError naming every offending field.
 */
export function expandConfig(input: unknown): ExperimentConfig {
  const parsed = configInput.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })));
  }
  const raw = parsed.data;
  const given: Landscape = 'preset' in raw.landscape ? landscapePresets[raw.landscape.preset] : raw.landscape;
  const landscape: Landscape = { ...given, criticalPoints: [...given.criticalPoints] };

  const issues = [...landscapeIssues(landscape)];
  if (issues.length === 0) issues.push(...startIssues(landscape, raw.x0));
  if (issues.length === 0 && raw.kind === 'long-run') issues.push(...epsilonIssues(landscape, raw.epsilon));
  if (issues.length) throw new ConfigError(issues);

  const name = raw.name && raw.name.length > 0 ? raw.name : defaultName(raw.kind);
  const arms = raw.arms.map((a) => ({ label: a.label, noise: { ...a.noise }, clip: a.clip }));
  return { ...raw, name, landscape, arms } as ExperimentConfig;
}

function defaultName(kind: ExperimentConfig['kind']): string {
  return kind === 'exit-time' ? 'Exit-time experiment' : 'Long-run experiment';
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

function startIssues(landscape: Landscape, x0: number): FieldIssue[] {
  const L = landscape.L;
  if (x0 < -L || x0 > L) return [{ path: 'x0', message: `must lie in [−L, L] = [${-L}, ${L}]` }];
  if (fieldIndexOf(landscape, x0) === 0) {
    return [{ path: 'x0', message: `${x0} is a saddle point; start inside an attraction field` }];
  }
  return [];
}

/** The ε-ball around m_i must lie inside Ω_i, or a minimum-to-minimum move is ill-defined. */
function epsilonIssues(landscape: Landscape, epsilon: number): FieldIssue[] {
  for (const f of fields(landscape)) {
    if (f.minimum - epsilon <= f.left || f.minimum + epsilon >= f.right) {
      return [
        {
          path: 'epsilon',
          message: `the ball [m${f.index} − ε, m${f.index} + ε] must lie inside Ω${f.index} = (${f.left}, ${f.right})`,
        },
      ];
    }
  }
  return [];
}
