import { esc, fixed, table } from '../html';
import type { ReportData } from '../report-data';

/** Survey trust and value by window, where surveys exist. */
export function surveysSection(data: ReportData): string {
  const body =
    data.surveys.length === 0
      ? '<p class="none">No surveys were recorded for this period, so there are no trust or value figures.</p>'
      : table(
          'Survey trust and value by window',
          ['Window', 'Responses', 'Trust', 'Value'],
          data.surveys.map((s) => [esc(s.label), String(s.responses), fixed(s.trust, 2), fixed(s.value, 2)]),
          'surveys',
        );
  return `<section aria-labelledby="surveys-title">
<h2 id="surveys-title">Survey trust and value</h2>
${body}
</section>`;
}
