import { esc, percent, table } from '../html';
import { legend, stackedBars, type ChartLine } from '../line-chart';
import { TIE_MIX_COLOURS } from '../palette';
import type { ReportData } from '../report-data';

/** Each window's ties by class, stacked to 100%, and its table. */
export function tieMixSection(data: ReportData): string {
  const labels = data.windows.map((w) => w.label);
  const parts: ChartLine[] = [
    { name: 'Foundation', colour: TIE_MIX_COLOURS[0], values: data.figures.map((f) => f.tieMix.foundation) },
    { name: 'Within a network', colour: TIE_MIX_COLOURS[1], values: data.figures.map((f) => f.tieMix.withinNetwork) },
    { name: 'Across networks', colour: TIE_MIX_COLOURS[2], values: data.figures.map((f) => f.tieMix.crossNetwork) },
    { name: 'Other', colour: TIE_MIX_COLOURS[3], values: data.figures.map((f) => f.tieMix.other) },
  ];
  const rows = labels.map((label, i) => [esc(label), ...parts.map((p) => percent(p.values[i]!))]);
  return `<section aria-labelledby="mix-title">
<h2 id="mix-title">The tie mix</h2>
<figure class="chart-figure">
${stackedBars('mix-chart', 'Tie mix per window', `Each window's ties by class, stacked to 100%, ${labels.length} windows; the table below gives the shares.`, labels, parts)}
<figcaption>${legend(parts)}</figcaption>
</figure>
${table("Shares of each window's ties by class", ['Window', ...parts.map((p) => p.name)], rows, 'mix')}
</section>`;
}
