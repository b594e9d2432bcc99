import type { FieldIssue } from '../model/validation';
import { ConfigError } from '../model/validation';
import { storedLandscape2d, type Config2D } from '../model/config2d';
import { landscapeFamilyOf } from '../landscapes/registry';

/** What a 2-D config as its schema parsed it shares with its stored form. */
type Parsed2D = Omit<Config2D, 'name' | 'kind'> & { name?: string };

/**
 * The expansion of a run on a 2-D landscape: the wells preset resolved, defaults filled (by the
 * schema), a name, x0 in the box. Which basin x0 is in is the theory's basin map, computed with
 * the run (expensive), so a start on a basin boundary is only reported with the result.
 */
export function expand2d<C extends Config2D>(parsed: Parsed2D, kind: C['kind'], defaultName: string, kindIssues: (config: C) => FieldIssue[] = () => []): C {
  const issues: FieldIssue[] = [...landscapeFamilyOf(parsed.landscape).startIssues(parsed.landscape, parsed.x0)];
  const name = parsed.name && parsed.name.length > 0 ? parsed.name : defaultName;
  const config = {
    ...parsed,
    kind,
    name,
    landscape: storedLandscape2d(parsed.landscape),
    x0: [parsed.x0[0], parsed.x0[1]],
    arms: parsed.arms.map((a) => ({ label: a.label, noise: { ...a.noise }, clip: a.clip })),
  } as unknown as C;
  if (issues.length === 0) issues.push(...kindIssues(config));
  if (issues.length) throw new ConfigError(issues);
  return config;
}

export function describeLandscape2d(config: Config2D): string {
  const l = config.landscape;
  return 'preset' in l ? `2-D preset ${l.preset}` : `2-D wells (${l.wells.length}) on [−${l.L}, ${l.L}]², c = ${l.confinement}`;
}
