import { ACTOR_KINDS } from '../../domain/actor';
import { legend } from '../line-chart';
import { networkMap } from '../network-map';
import { KIND_COLOURS, KIND_NAMES } from '../palette';
import { esc } from '../html';
import type { ReportData } from '../report-data';

/** The maps of the first and the last window side by side, with one legend. */
export function mapsSection(data: ReportData): string {
  const [first, last] = data.maps;
  const kinds = ACTOR_KINDS.map((kind) => ({ name: KIND_NAMES[kind], colour: KIND_COLOURS[kind] }));
  return `<section aria-labelledby="maps-title">
<h2 id="maps-title">The network, first and last window</h2>
<figure class="maps">
<div class="map-pair">
<div><h3>${esc(first.label)}</h3>${networkMap('map-first', first)}</div>
<div><h3>${esc(last.label)}</h3>${networkMap('map-last', last)}</div>
</div>
<figcaption>${legend(kinds)}<p class="small">Dots are actors coloured by kind, lines are ties; the hub (most ties) is the large outlined dot, labelled. Positions: ForceAtlas2, run once per map from fixed starting positions.</p></figcaption>
</figure>
</section>`;
}
