import { coord, esc } from './html';
import { KIND_COLOURS } from './palette';
import type { ReportMap } from './report-data';

const SIZE = 300;
const PAD = 14;

/**
 * A window's network as a static SVG: ties as grey lines, actors as dots coloured by kind,
 * the hub larger, outlined and labelled. Positions are the layout's, fitted to the square.
 */
export function networkMap(id: string, map: ReportMap): string {
  const xs = map.nodes.map((n) => n.x);
  const ys = map.nodes.map((n) => n.y);
  const minX = Math.min(...xs, 0);
  const maxX = Math.max(...xs, 0);
  const minY = Math.min(...ys, 0);
  const maxY = Math.max(...ys, 0);
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const px = (x: number) => PAD + ((x - minX) / span) * (SIZE - 2 * PAD);
  const py = (y: number) => PAD + ((y - minY) / span) * (SIZE - 2 * PAD);
  const ties = map.ties
    .map(([a, b]) => {
      const u = map.nodes[a]!;
      const v = map.nodes[b]!;
      return `M${coord(px(u.x))} ${coord(py(u.y))}L${coord(px(v.x))} ${coord(py(v.y))}`;
    })
    .join('');
  const dots = map.nodes
    .map((n) =>
      n.id === map.hubId ? '' : `<circle cx="${coord(px(n.x))}" cy="${coord(py(n.y))}" r="2.2" fill="${KIND_COLOURS[n.kind]}"/>`,
    )
    .join('');
  const hub = map.nodes.find((n) => n.id === map.hubId);
  const hubMark = hub
    ? `<circle class="hub" cx="${coord(px(hub.x))}" cy="${coord(py(hub.y))}" r="6" fill="${KIND_COLOURS[hub.kind]}" stroke="#000" stroke-width="1.5"/>` +
      hubLabel(px(hub.x), py(hub.y), `${hub.name} (hub)`)
    : '';
  const description =
    map.nodes.length === 0
      ? `No ties in ${map.label}.`
      : `${map.nodes.length} actors and ${map.ties.length} ties in ${map.label}${hub ? `; the hub is ${hub.name}` : ''}.`;
  return `<svg class="map" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" font-size="11" font-family="inherit">
<title id="${id}-title">${esc(`The network of ${map.label}`)}</title><desc id="${id}-desc">${esc(description)}</desc>
<rect width="${SIZE}" height="${SIZE}" fill="#fff" stroke="#ccc"/>
<path d="${ties}" stroke="#bbb" stroke-width="0.4" fill="none"/>
${dots}
${hubMark}
</svg>`;
}

/** The hub's name beside its dot, on the side with room (right of it in the left half, left of it in the right half). */
function hubLabel(x: number, y: number, text: string): string {
  const right = x < SIZE / 2;
  const at = right ? x + 9 : x - 9;
  const top = y < 20 ? y + 16 : y - 8;
  return `<text x="${coord(at)}" y="${coord(top)}" text-anchor="${right ? 'start' : 'end'}" font-weight="bold" paint-order="stroke" stroke="#fff" stroke-width="3">${esc(text)}</text>`;
}
