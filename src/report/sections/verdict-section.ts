import type { TrendVerdict } from '../../metrics/trend';
import { esc } from '../html';
import type { ReportData } from '../report-data';

export const VERDICT_WORDS: Readonly<Record<TrendVerdict, string>> = {
  MORE_PEER_CONNECTED: 'Becoming more peer-connected',
  MORE_HUB_CENTERED: 'Becoming more hub-centred',
  NO_CLEAR_CHANGE: 'No clear change',
};

/** The verdict and its sentence. */
export function verdictSection(data: ReportData): string {
  return `<section class="verdict" aria-labelledby="verdict-title" data-verdict="${data.trend.verdict}">
<h2 id="verdict-title">Verdict: ${esc(VERDICT_WORDS[data.trend.verdict])}</h2>
<p class="summary">${esc(data.trend.summary)}</p>
</section>`;
}
