import type { ChangeSignal } from '../../metrics/change-points';
import { esc, fixed, table } from '../html';
import type { ReportData } from '../report-data';

export const SIGNAL_NAMES: Readonly<Record<ChangeSignal, string>> = {
  BETWEENNESS_CENTRALIZATION: 'Betweenness centralization',
  DENSITY: 'Density',
  CROSS_NETWORK_TIE_SHARE: 'Cross-network share of ties',
  FOUNDATION_TIE_SHARE: "Foundation's share of ties",
  FOUNDATION_INITIATED_SHARE: "Foundation's share of initiated interactions",
};

/** The change points found, as sentences and a table. */
export function changePointsSection(data: ReportData, parameters: { baselineWindows: number; k: number; h: number }): string {
  const label = (i: number) => data.windows[i]?.label ?? '';
  const intro = `<p>Tabular two-sided CUSUM over the windows (baseline ${parameters.baselineWindows} windows, k = ${parameters.k}, h = ${parameters.h}; definition at the end).</p>`;
  if (data.changePoints.length === 0) {
    const short = data.windows.length < parameters.baselineWindows + 1;
    return `<section aria-labelledby="changes-title">
<h2 id="changes-title">Change points</h2>
${intro}
<p class="none">${short ? `No change points: the series has ${data.windows.length} windows, and finding one needs at least ${parameters.baselineWindows + 1}.` : 'No change points were found: no signal shifted beyond the threshold after its baseline.'}</p>
</section>`;
  }
  const sentences = data.changePoints.map((p) => {
    const moved = p.direction === 'UP' ? 'rose' : 'fell';
    const since = p.since === p.window ? `in ${label(p.window)}` : `from ${label(p.since)} (alarm in ${label(p.window)})`;
    return `<li>${esc(`${SIGNAL_NAMES[p.signal]} ${moved} ${since}.`)}</li>`;
  });
  const rows = data.changePoints.map((p) => [
    esc(SIGNAL_NAMES[p.signal]),
    p.direction === 'UP' ? 'Up' : 'Down',
    esc(label(p.since)),
    esc(label(p.window)),
    fixed(p.statistic, 2),
  ]);
  return `<section aria-labelledby="changes-title">
<h2 id="changes-title">Change points</h2>
${intro}
<ul class="change-points">${sentences.join('')}</ul>
${table('Change points found', ['Signal', 'Direction', 'Since', 'Alarm', 'CUSUM sum at the alarm'], rows, 'change-points')}
</section>`;
}
