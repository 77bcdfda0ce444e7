import { count, esc, fixed, percent, table } from '../html';
import type { ReportData } from '../report-data';

/** Tie changes from each window to the next, with Jaccard and Hamming. */
export function tieChangesSection(data: ReportData): string {
  const rows = data.tieChanges.map((c, i) => [
    esc(`${data.windows[i]!.label} → ${data.windows[i + 1]!.label}`),
    count(c.tiesGained),
    count(c.tiesLost),
    percent(c.persistentTieShare),
    count(c.crossNetworkTiesGained),
    fixed(c.jaccard, 3),
    count(c.hamming),
  ]);
  const body =
    rows.length === 0
      ? '<p class="none">One window only: no tie changes.</p>'
      : table(
          'How the ties changed from one window to the next',
          ['Windows', 'Gained', 'Lost', 'Persistent share', 'Cross-network gained', 'Jaccard', 'Hamming'],
          rows,
          'tie-changes',
        );
  return `<section aria-labelledby="tie-changes-title">
<h2 id="tie-changes-title">Tie changes</h2>
${body}
</section>`;
}
