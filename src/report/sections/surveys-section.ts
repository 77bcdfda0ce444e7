import type { Coverage } from '../../metrics/survey/coverage';
import { count, esc, fixed, percent, table } from '../html';
import type { ReportData, ReportSurveyRow } from '../report-data';

const COVERAGE_WORDS: Readonly<Record<Coverage, string>> = {
  HIGH: 'high',
  DIRECTIONAL: 'directional',
  CAUTION: 'read with caution',
};

/** Survey trust and value by window, where surveys exist: the network's figures, never an actor's. */
export function surveysSection(data: ReportData): string {
  const body =
    data.surveys.length === 0
      ? '<p class="none">No surveys were recorded for this period, so there are no trust or value figures.</p>'
      : `<p>Each survey asks the actors on its roster to rate the partners they worked with in its window (1–4). Trust and
value are the means over every rating; coverage is high when at least 80% of the roster answered, directional from
65%, and to be read with caution below. "Confirmed" is the share of the window's logged ties with a responding end
that a respondent confirmed; "missing from the log" counts pairs a respondent named that no interaction recorded.
The figures use the whole log (default projection), whatever this report's scope.</p>
${table(
  'Survey trust and value by window',
  [
    'Survey',
    'Window',
    'Responses',
    'Coverage',
    'Trust (1–4)',
    'Value (1–4)',
    'Confirmed',
    'Missing from the log',
    'Betweenness centralization',
  ],
  data.surveys.map(surveyCells),
  'surveys',
)}`;
  return `<section aria-labelledby="surveys-title">
<h2 id="surveys-title">Survey trust and value</h2>
${body}
</section>`;
}

function surveyCells(s: ReportSurveyRow): string[] {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const orDash = (value: number | null, text: (v: number) => string) => (value === null ? '—' : text(value));
  return [
    esc(s.name),
    esc(s.windowLabel ?? `${day(s.from)} to ${day(s.to)}`),
    `${count(s.respondentCount)} of ${count(s.rosterSize)} (${percent(s.responseRate)})`,
    COVERAGE_WORDS[s.coverage],
    orDash(s.networkTrust, (v) => fixed(v, 2)),
    orDash(s.networkValue, (v) => fixed(v, 2)),
    orDash(s.confirmedShare, percent),
    count(s.unloggedTieCount),
    orDash(s.betweennessCentralization, (v) => fixed(v, 3)),
  ];
}
