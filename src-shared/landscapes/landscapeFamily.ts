import type { FieldIssue } from '../model/validation';

/**
 * A family of loss landscapes (today the 1-D landscapes given by their critical points; next the
 * 2-D wells and Müller–Brown). A family owns its schema, its checks, the gradient as the kernels
 * take it (plain data in the task), its attraction fields or basins, and its theory's entry point.
 * Kinds reach a landscape only through its family, found by `landscapeFamilyOf`.
 */
export interface LandscapeFamily<Landscape = unknown, Gradient = unknown, Basin = unknown, Theory = unknown> {
  readonly name: string;
  /** Whether an expanded landscape belongs to this family (e.g. by its `dimension`). */
  owns(landscape: unknown): landscape is Landscape;
  /** Checks beyond the schema, paths relative to the config (`landscape.L`, `x0`). */
  issues(landscape: Landscape): FieldIssue[];
  /** Where a run may start: inside a field or basin, not on its boundary. */
  startIssues(landscape: Landscape, x0: unknown): FieldIssue[];
  /** The gradient as a kernel takes it: plain, JSON-safe data (copied, never shared). */
  gradient(landscape: Landscape): Gradient;
  /** The attraction fields (1-D) or basins (2-D), 1-based as in the theory. */
  basins(landscape: Landscape): Basin[];
  /** The theory for this landscape and a config's arms, at an η when given. */
  theory(config: { landscape: Landscape; arms: unknown[] }, eta?: number): Theory;
}
