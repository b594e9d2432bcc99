import type { LandscapeFamily } from './landscapeFamily';
import { criticalPoints1d } from './criticalPoints1d';
import { wells2d } from './wells2d';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyLandscapeFamily = LandscapeFamily<any, any, any, any>;

/** The landscape families, asked in registration order which one owns a landscape. */
const families: AnyLandscapeFamily[] = [];

export function registerLandscapeFamily(family: AnyLandscapeFamily): void {
  if (families.some((f) => f.name === family.name)) throw new Error(`landscape family "${family.name}" is already registered`);
  families.push(family);
}

export function landscapeFamilyOf(landscape: unknown): AnyLandscapeFamily {
  const family = families.find((f) => f.owns(landscape));
  if (!family) throw new Error(`no landscape family owns ${JSON.stringify(landscape)?.slice(0, 80)}`);
  return family;
}

registerLandscapeFamily(criticalPoints1d);
registerLandscapeFamily(wells2d);
