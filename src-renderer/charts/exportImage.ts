/** How a line is drawn in a chart, and what it stands for: the key an exported image carries. */
export interface LineKeyEntry {
  dash: 'solid' | 'dashed' | 'dotted';
  label: string;
}

const dashes: Record<LineKeyEntry['dash'], number[]> = { solid: [], dashed: [8, 5], dotted: [2, 4] };

export interface ExportText {
  title: string;
  key: readonly LineKeyEntry[];
  caption: string;
  dark: boolean;
}

/** Rows of the key laid out left to right, wrapping at `width`; each entry ≈ 44 px + its text. */
export function keyRows(key: readonly LineKeyEntry[], width: number, textWidth: (s: string) => number): LineKeyEntry[][] {
  const rows: LineKeyEntry[][] = [];
  let used = 0;
  for (const e of key) {
    const w = 44 + textWidth(e.label) + 24;
    if (!rows.length || used + w > width) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(e);
    used += w;
  }
  return rows;
}

/**
 * A chart as a standalone image: its title above, and below it the key to its line styles and
 * its caption, so a saved PNG still says what it shows. `chartUrl` is ECharts' own PNG (at
 * `ratio` × CSS pixels); the result is a PNG data URL at the same ratio.
 */
export async function composeChartImage(chartUrl: string, text: ExportText, ratio: number): Promise<string> {
  const img = new Image();
  img.src = chartUrl;
  await img.decode();
  const width = img.width / ratio;
  const font = '13px system-ui, sans-serif';
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = font;
  const rows = keyRows(text.key, width - 32, (s) => measure.measureText(s).width);
  const captionLines = wrap(text.caption, width - 32, (s) => measure.measureText(s).width);
  const top = 40;
  const bottom = 12 + rows.length * 22 + captionLines.length * 18 + (rows.length || captionLines.length ? 8 : 0);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((top + img.height / ratio + bottom) * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  const fg = text.dark ? '#e6e9ef' : '#1d232c';
  const muted = text.dark ? '#a3acb9' : '#5b6573';
  ctx.fillStyle = text.dark ? '#12161c' : '#ffffff';
  ctx.fillRect(0, 0, width, canvas.height / ratio);
  ctx.fillStyle = fg;
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText(text.title, 16, top / 2);
  ctx.drawImage(img, 0, top, width, img.height / ratio);
  let y = top + img.height / ratio + 16;
  ctx.font = font;
  for (const row of rows) {
    let x = 16;
    for (const e of row) {
      ctx.strokeStyle = fg;
      ctx.lineWidth = 2;
      ctx.setLineDash(dashes[e.dash]);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 36, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = fg;
      ctx.fillText(e.label, x + 44, y);
      x += 44 + measure.measureText(e.label).width + 24;
    }
    y += 22;
  }
  ctx.fillStyle = muted;
  for (const line of captionLines) {
    ctx.fillText(line, 16, y);
    y += 18;
  }
  return canvas.toDataURL('image/png');
}

/** Greedy word wrap. */
export function wrap(text: string, width: number, textWidth: (s: string) => number): string[] {
  if (!text) return [];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
