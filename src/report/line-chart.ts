import { coord, esc } from './html';

export interface ChartLine {
  readonly name: string;
  readonly colour: string;
  /** One value per window, 0…1. */
  readonly values: readonly number[];
  /** Dash pattern, so lines differ by more than colour. */
  readonly dash?: string;
}

const WIDTH = 640;
const HEIGHT = 250;
const MARGIN = { left: 44, right: 12, top: 12, bottom: 40 };

/** x of window i of n, evenly spaced (one window: centred). */
export function windowX(i: number, n: number): number {
  const inner = WIDTH - MARGIN.left - MARGIN.right;
  return n <= 1 ? MARGIN.left + inner / 2 : MARGIN.left + (inner * i) / (n - 1);
}

function y(value: number): number {
  const inner = HEIGHT - MARGIN.top - MARGIN.bottom;
  return MARGIN.top + inner * (1 - Math.max(0, Math.min(1, value)));
}

/**
 * A line chart of shares (0 to 1) over the windows: one polyline and one circle (class
 * "point") per window for each line, window labels under the axis. `id` names the chart's
 * title and description for screen readers; the table next to it is the text equivalent.
 */
export function lineChart(id: string, title: string, description: string, labels: readonly string[], lines: readonly ChartLine[]): string {
  const n = labels.length;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${coord(y(v))}" y2="${coord(y(v))}" stroke="#ddd"/>` +
        `<text x="${MARGIN.left - 6}" y="${coord(y(v) + 4)}" text-anchor="end">${v * 100}%</text>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(n / 12)); // at most a dozen labels under the axis
  const ticks = labels
    .map((label, i) =>
      i % every === 0 || i === n - 1
        ? `<text x="${coord(windowX(i, n))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${esc(label)}</text>`
        : '',
    )
    .join('');
  const drawn = lines
    .map((line) => {
      const points = line.values.map((v, i) => `${coord(windowX(i, n))},${coord(y(v))}`).join(' ');
      const dots = line.values
        .map(
          (v, i) =>
            `<circle class="point" data-line="${esc(line.name)}" data-window="${esc(labels[i] ?? '')}" cx="${coord(windowX(i, n))}" cy="${coord(y(v))}" r="3" fill="${line.colour}"/>`,
        )
        .join('');
      const dash = line.dash ? ` stroke-dasharray="${line.dash}"` : '';
      return `<g class="line"><polyline points="${points}" fill="none" stroke="${line.colour}" stroke-width="2"${dash}/>${dots}</g>`;
    })
    .join('\n');
  return `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-size="11" font-family="inherit">
<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>
${grid}${ticks}
${drawn}
</svg>`;
}

/** Stacked bars of shares (each window's parts sum to 1): one bar (class "bar") per window. */
export function stackedBars(
  id: string,
  title: string,
  description: string,
  labels: readonly string[],
  parts: readonly ChartLine[],
): string {
  const n = labels.length;
  const inner = WIDTH - MARGIN.left - MARGIN.right;
  const band = inner / Math.max(n, 1);
  const barWidth = Math.max(2, band * 0.7);
  const every = Math.max(1, Math.ceil(n / 12));
  const bars = labels
    .map((label, i) => {
      const x = MARGIN.left + band * i + (band - barWidth) / 2;
      let top = 0;
      const rects = parts
        .map((part) => {
          const share = part.values[i] ?? 0;
          const rect = `<rect x="${coord(x)}" y="${coord(y(top + share))}" width="${coord(barWidth)}" height="${coord(y(top) - y(top + share))}" fill="${part.colour}"><title>${esc(`${label}: ${part.name} ${(share * 100).toFixed(1)}%`)}</title></rect>`;
          top += share;
          return rect;
        })
        .join('');
      const tick =
        i % every === 0 || i === n - 1
          ? `<text x="${coord(x + barWidth / 2)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${esc(label)}</text>`
          : '';
      return `<g class="bar" data-window="${esc(label)}">${rects}${tick}</g>`;
    })
    .join('\n');
  const axis = [0, 0.5, 1].map((v) => `<text x="${MARGIN.left - 6}" y="${coord(y(v) + 4)}" text-anchor="end">${v * 100}%</text>`).join('');
  return `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-size="11" font-family="inherit">
<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>
${axis}
${bars}
</svg>`;
}

/** A legend under a chart: a swatch and a name per line. */
export function legend(lines: readonly Pick<ChartLine, 'name' | 'colour'>[]): string {
  return `<ul class="legend">${lines.map((l) => `<li><span class="swatch" style="background:${l.colour}"></span>${esc(l.name)}</li>`).join('')}</ul>`;
}
