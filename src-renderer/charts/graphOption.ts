import type { EChartsOption, GraphSeriesOption } from 'echarts';
import type { ArmTheory, FieldTheory } from '../../src-shared/theory/types';
import { colorAt, baseOption, type ChartStyle } from './style';
import { escapeHtml } from './escapeHtml';

type GraphNode = NonNullable<GraphSeriesOption['data']>[number];
type GraphLink = NonNullable<GraphSeriesOption['links']>[number];

/**
 * Minima laid out left to right as on the x axis, so the graph reads like the landscape;
 * alternate ones lifted so edges between non-neighbours do not run through the node between.
 */
function nodePosition(i: number, n: number): [number, number] {
  return [i * 100, n > 2 ? (i % 2 === 0 ? 60 : 0) : 0];
}

/** Room above the graph for the class legend (one row). */
export const GRAPH_TOP = 40;
/**
 * Room below the lowest node for its two label lines ("m2", "l* = 2"): half the largest symbol
 * (17 px), the gap and 15 + 13 px of text, plus slack (with 44 px the second line was cut off).
 */
export const NODE_LABEL_ROOM = 60;

export function classLabel(members: number[], absorbing: boolean): string {
  return `{${members.map((m) => `m${m}`).join(', ')}} ${absorbing ? 'absorbing' : 'transient'}`;
}

/** What the graph reads of an arm: the same in 1-D and in the 2-D (R^d) analysis. */
export type GraphArm = Pick<ArmTheory, 'edges' | 'classes'> & { fields: Pick<FieldTheory, 'index' | 'lStar' | 'large'>[] };

/**
 * The typical transition graph of one arm (edge i → j iff l_ij = l*_i), nodes coloured by
 * communicating class; each class is named absorbing or transient; minima large in their class drawn larger.
 */
export function typicalGraphOption(arm: GraphArm, style: ChartStyle): EChartsOption {
  const n = arm.fields.length;
  const classOf = new Map<number, number>();
  arm.classes.forEach((c, k) => c.members.forEach((m) => classOf.set(m, k)));
  const categories = arm.classes.map((c, k) => ({ name: classLabel(c.members, c.absorbing), itemStyle: { color: colorAt(style, k) } }));
  const nodes: GraphNode[] = arm.fields.map((f) => {
    const [x, y] = nodePosition(f.index - 1, n);
    const large = f.large;
    return {
      id: String(f.index),
      name: `m${f.index}`,
      x,
      y,
      category: classOf.get(f.index) ?? 0,
      symbolSize: large ? 34 : 24,
      value: f.lStar,
      label: {
        show: true,
        position: 'bottom',
        distance: 4,
        formatter: `{m|m${f.index}}\n{l|l* = ${f.lStar}}`,
        rich: { m: { color: style.text, fontSize: 12, fontWeight: 600, lineHeight: 15 }, l: { color: style.muted, fontSize: 10, lineHeight: 13 } },
      },
      itemStyle: large ? { borderColor: style.text, borderWidth: 2 } : {},
    };
  });
  const links: GraphLink[] = arm.edges.map(([i, j]) => ({ source: String(i), target: String(j) }));
  const base = baseOption(style);
  return {
    ...base,
    // The class legend goes above the graph: at the bottom it covered the "l* = …" under the nodes.
    legend: { ...base.legend, data: categories.map((c) => c.name), top: 0 },
    tooltip: { ...base.tooltip, formatter: (p: unknown) => {
      const d = p as { dataType: string; data: { name?: string; value?: number; source?: string; target?: string } };
      return d.dataType === 'edge' ? `m${d.data.source} → m${d.data.target} (l_ij = l*_i)` : `${escapeHtml(String(d.data.name))}: l* = ${d.data.value}`;
    } },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: false,
        // Keep x and y on one scale, or the view stretches the symbols into ellipses.
        ...({ preserveAspect: true } as object),
        categories,
        data: nodes,
        links,
        top: GRAPH_TOP,
        bottom: NODE_LABEL_ROOM,
        left: 40,
        right: 40,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        lineStyle: { color: style.muted, width: 1.4, curveness: 0.3, opacity: 0.9 },
        emphasis: { focus: 'adjacency' },
      },
    ],
  };
}

/**
 * Measured minimum-to-minimum moves m_i → m_j as a graph: edge width grows with log count and the
 * count is its label.
 */
export function transitionCountsOption(transitions: readonly number[][], style: ChartStyle): EChartsOption {
  const n = transitions.length;
  const maxCount = Math.max(1, ...transitions.flat());
  const nodes: GraphNode[] = transitions.map((_, i) => {
    const [x, y] = nodePosition(i, n);
    return { id: String(i + 1), name: `m${i + 1}`, x, y, symbolSize: 26, label: { show: true, color: style.text, position: 'bottom', fontSize: 11 }, itemStyle: { color: colorAt(style, 0) } };
  });
  const links: GraphLink[] = [];
  transitions.forEach((row, i) =>
    row.forEach((count, j) => {
      if (i !== j && count > 0) {
        links.push({
          source: String(i + 1),
          target: String(j + 1),
          value: count,
          lineStyle: { width: 1 + (4 * Math.log1p(count)) / Math.log1p(maxCount) },
          // On its own backdrop, so a count drawn near a node's name stays readable.
          label: { show: true, formatter: String(count), color: style.text, fontSize: 10, backgroundColor: style.background, padding: [1, 3], borderRadius: 3 },
        });
      }
    }),
  );
  const base = baseOption(style);
  return {
    ...base,
    legend: { show: false },
    tooltip: { ...base.tooltip, formatter: (p: unknown) => {
      const d = p as { dataType: string; data: { name?: string; value?: number; source?: string; target?: string } };
      return d.dataType === 'edge' ? `m${d.data.source} → m${d.data.target}: ${d.data.value} moves` : escapeHtml(String(d.data.name));
    } },
    series: [
      {
        type: 'graph',
        layout: 'none',
        ...({ preserveAspect: true } as object),
        data: nodes,
        links,
        top: 24,
        bottom: NODE_LABEL_ROOM,
        left: 40,
        right: 40,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        edgeLabel: { show: true },
        lineStyle: { color: style.muted, curveness: 0.3, opacity: 0.9 },
      },
    ],
  };
}
