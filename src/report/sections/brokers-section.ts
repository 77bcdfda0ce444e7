import { esc, fixed, table } from '../html';
import { KIND_NAMES } from '../palette';
import type { ReportData } from '../report-data';

/** The ten brokers of the last window (highest betweenness). */
export function brokersSection(data: ReportData): string {
  const last = data.windows[data.windows.length - 1]?.label ?? '';
  const rows = data.brokers.map((b, i) => [
    String(i + 1),
    esc(b.name),
    esc(KIND_NAMES[b.kind]),
    fixed(b.betweenness, 4),
    String(b.degree),
    fixed(b.constraint, 3),
  ]);
  const body =
    rows.length === 0
      ? `<p class="none">No actor has a tie in ${esc(last)}.</p>`
      : table(
          `The brokers of ${last}: highest betweenness first`,
          ['Rank', 'Actor', 'Kind', 'Betweenness', 'Degree', 'Constraint'],
          rows,
          'brokers',
        );
  return `<section aria-labelledby="brokers-title">
<h2 id="brokers-title">The ten brokers of ${esc(last)}</h2>
${body}
</section>`;
}
