import type { CustomSeriesOption } from 'echarts';

/**
 * A custom series drawing vertical error bars; data rows are [x, low, high]. On a log axis the low
 * end must be positive, so callers clamp it.
 */
export function errorBarSeries(name: string, rows: [number, number, number][], color: string, capWidth = 5): CustomSeriesOption {
  return {
    name,
    type: 'custom',
    silent: true,
    z: 1,
    data: rows,
    encode: { x: 0, y: [1, 2] },
    renderItem: (_params, api) => {
      const x = api.value(0) as number;
      const lo = api.coord([x, api.value(1) as number]);
      const hi = api.coord([x, api.value(2) as number]);
      const style = { stroke: color, lineWidth: 1.2 };
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
          { type: 'line', shape: { x1: lo[0] - capWidth, y1: lo[1], x2: lo[0] + capWidth, y2: lo[1] }, style },
          { type: 'line', shape: { x1: hi[0] - capWidth, y1: hi[1], x2: hi[0] + capWidth, y2: hi[1] }, style },
        ],
      };
    },
  };
}
