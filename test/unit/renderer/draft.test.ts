import { describe, expect, it } from 'vitest';
import { defaultDraft, draftFromConfig, draftToInput, issuesAt, parseNumberList, validateDraft } from '../../../src-renderer/design/draft';

describe('the designer draft', () => {
  it('is valid by default and expands to the config the service stores', () => {
    const v = validateDraft(defaultDraft());
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.config.kind).toBe('exit-time');
  });

  it('names the offending η by its position in the list', () => {
    const d = defaultDraft();
    d.exitTime.etas = parseNumberList('0.1, abc, -0.01');
    const v = validateDraft(d);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.path).sort()).toEqual(['etas[1]', 'etas[2]']);
    expect(issuesAt(v.issues, 'etas')).toEqual(['item 2: must be a number', 'item 3: must be > 0']);
  });

  it('puts an arm error at that arm’s field and keeps other arms clean', () => {
    const d = defaultDraft();
    d.arms[1].alpha = 0.8;
    const v = validateDraft(d);
    if (v.ok) throw new Error('expected invalid');
    expect(issuesAt(v.issues, 'arms[1].noise.alpha')).toEqual(['α must be > 1 (Assumption 2: finite mean)']);
    expect(issuesAt(v.issues, 'arms[0].noise.alpha')).toEqual([]);
  });

  it('reports a non-integer sample count and an x0 outside [−L, L]', () => {
    const d = defaultDraft();
    d.exitTime.samples = 2.5;
    expect(validateDraft(d).ok).toBe(false);
    d.exitTime.samples = 3;
    d.x0 = 5;
    const v = validateDraft(d);
    if (v.ok) throw new Error('expected invalid');
    expect(issuesAt(v.issues, 'x0')[0]).toMatch(/must lie in \[−L, L\]/);
  });

  it('checks the landscape: odd count and increasing points', () => {
    const d = defaultDraft();
    d.landscape.criticalPoints = [-1, 0.5, 0.2];
    const v = validateDraft(d);
    if (v.ok) throw new Error('expected invalid');
    expect(issuesAt(v.issues, 'landscape.criticalPoints')[0]).toMatch(/^item 3: must be greater/);
  });

  it('sends only the chosen family’s noise parameters and kind’s settings', () => {
    const d = defaultDraft();
    d.arms[0].family = 'gaussian';
    d.kind = 'long-run';
    const input = draftToInput(d) as { arms: { noise: object }[]; etas?: unknown; eta?: unknown };
    expect(input.arms[0].noise).toEqual({ family: 'gaussian', sigma: 1 });
    expect(input.etas).toBeUndefined();
    expect(input.eta).toBe(0.001);
    expect(validateDraft(d).ok).toBe(true);
  });

  it('offers stable, Student-t and measured noise: each sends its own fields and round-trips', () => {
    const asset = `sha256:${'12'.repeat(32)}`;
    const d = defaultDraft();
    d.arms[0] = { ...d.arms[0], family: 'stable', alpha: 1.5, scale: 0.2 };
    d.arms[1] = { ...d.arms[1], family: 'student', nu: 3, scale: 0.1 };
    d.arms.push({ ...d.arms[1], label: 'measured', family: 'empirical', asset, threshold: 0.4 });
    const arms = (draftToInput(d) as { arms: { noise: unknown }[] }).arms.map((a) => a.noise);
    expect(arms).toEqual([
      { family: 'stable', alpha: 1.5, scale: 0.2 },
      { family: 'student', nu: 3, scale: 0.1 },
      { family: 'empirical', asset, threshold: 0.4 },
    ]);
    const v = validateDraft(d);
    expect(v.ok).toBe(true);
    const back = draftFromConfig(v.ok ? v.config : null);
    expect(back.arms.map((a) => [a.family, a.alpha, a.nu, a.asset, a.threshold])).toEqual([
      ['stable', 1.5, 1.2, null, null],
      ['student', 1.2, 3, null, null],
      ['empirical', 1.2, 1.2, asset, 0.4],
    ]);
    // A measured arm before its import is refused at its asset, where the import button is.
    d.arms[2].asset = null;
    const refused = validateDraft(d);
    expect(refused.ok ? [] : issuesAt(refused.issues, 'arms[2].noise.asset')).toHaveLength(1);
  });

  it('round-trips a preset config that names a landscape preset', () => {
    const d = draftFromConfig({
      kind: 'long-run', name: 'p', landscape: { preset: 'three-wells' }, x0: 0, eta: 0.005, paths: 4, iterations: 1000,
      arms: [{ label: 'b=0.4', noise: { family: 'pareto', alpha: 1.2, scale: 0.1 }, clip: 0.4 }],
    });
    expect(d.kind).toBe('long-run');
    expect(d.landscape.criticalPoints).toEqual([-1.05, -0.6, 0, 0.9, 1.25]);
    expect(d.arms[0].clip).toBe(0.4);
    expect(d.longRun.eta).toBe(0.005);
    expect(validateDraft(d).ok).toBe(true);
  });
});
