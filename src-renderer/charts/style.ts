/** Colours and type for charts, one set per theme; builders take it so they stay pure. */
export interface ChartStyle {
  dark: boolean;
  text: string;
  muted: string;
  axis: string;
  split: string;
  background: string;
  /** Series colours, colour-blind friendly (Okabe–Ito order). */
  palette: string[];
  /** Alternating shades for attraction fields Ω_i. */
  fieldFill: [string, string];
  font: string;
}

const okabeIto = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];
const font = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';

export const lightStyle: ChartStyle = {
  dark: false,
  text: '#1d2430',
  muted: '#5b6573',
  axis: '#8a94a3',
  split: '#e4e8ee',
  background: 'transparent',
  palette: okabeIto,
  fieldFill: ['rgba(0, 114, 178, 0.06)', 'rgba(213, 94, 0, 0.06)'],
  font,
};

export const darkStyle: ChartStyle = {
  dark: true,
  text: '#e3e7ee',
  muted: '#a0a9b8',
  axis: '#6b7585',
  split: '#2b323d',
  background: 'transparent',
  palette: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#0072B2', '#D55E00', '#FFFFFF'],
  fieldFill: ['rgba(86, 180, 233, 0.08)', 'rgba(230, 159, 0, 0.08)'],
  font,
};

export function colorAt(style: ChartStyle, k: number): string {
  return style.palette[k % style.palette.length];
}

/** Axis settings every chart shares: readable names with units, quiet grid lines. */
export function axisStyle(style: ChartStyle) {
  return {
    nameLocation: 'middle' as const,
    nameTextStyle: { color: style.text, fontSize: 12, fontFamily: style.font },
    axisLine: { lineStyle: { color: style.axis } },
    axisTick: { lineStyle: { color: style.axis } },
    axisLabel: { color: style.muted, fontSize: 11, fontFamily: style.font },
    splitLine: { lineStyle: { color: style.split } },
  };
}

export function baseOption(style: ChartStyle) {
  return {
    backgroundColor: style.background,
    color: style.palette,
    textStyle: { fontFamily: style.font, color: style.text },
    animation: false,
    tooltip: {
      backgroundColor: style.dark ? '#1b2029' : '#ffffff',
      borderColor: style.axis,
      textStyle: { color: style.text, fontSize: 12 },
    },
    legend: { textStyle: { color: style.text, fontSize: 12 }, top: 0, type: 'scroll' as const },
  };
}

/**
 * For every markLine: ECharts rounds a markLine's axis value to `precision` decimals (2 by
 * default) and draws the line there, so b = r₂/3 = 0.2133 would sit at 0.21.
 */
export const MARK_LINE_PRECISION = 12;
