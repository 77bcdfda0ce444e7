import { esc, percent, table } from '../html';
import { legend, lineChart, type ChartLine } from '../line-chart';
import { SIGNAL_COLOURS } from '../palette';
import type { ReportData } from '../report-data';

/** The four signals of the verdict per window: a line chart and its table. */
export function signalsSection(data: ReportData): string {
  const labels = data.windows.map((w) => w.label);
  const lines: ChartLine[] = [
    { name: 'Betweenness centralization', colour: SIGNAL_COLOURS[0], values: data.figures.map((f) => f.betweennessCentralization) },
    { name: "Foundation's share of ties", colour: SIGNAL_COLOURS[1], values: data.figures.map((f) => f.tieMix.foundation), dash: '6 3' },
    {
      name: 'Cross-network share of ties',
      colour: SIGNAL_COLOURS[2],
      values: data.figures.map((f) => f.crossNetworkTieShare),
      dash: '2 2',
    },
    {
      name: "Foundation's share of initiated interactions",
      colour: SIGNAL_COLOURS[3],
      values: data.figures.map((f) => f.foundationInitiatedShare),
      dash: '8 2 2 2',
    },
  ];
  const rows = labels.map((label, i) => [esc(label), ...lines.map((line) => percent(line.values[i]!))]);
  return `<section aria-labelledby="signals-title">
<h2 id="signals-title">The four signals</h2>
<p>Betweenness centralization falls as the network stops routing through one hub; the foundation's shares fall and the cross-network share rises as peers connect.</p>
<figure class="chart-figure">
${lineChart('signals-chart', 'The four signals per window', `One point per window for each signal, ${labels.length} windows; the table below gives the values.`, labels, lines)}
<figcaption>${legend(lines)}</figcaption>
</figure>
${table('The four signals per window', ['Window', ...lines.map((l) => l.name)], rows, 'signals')}
</section>`;
}
