import { esc } from './html';
import { REPORT_STYLE } from './report-style';
import type { ReportData } from './report-data';
import { brokersSection } from './sections/brokers-section';
import { changePointsSection } from './sections/change-points-section';
import { dataSection } from './sections/data-section';
import { definitionsSection } from './sections/definitions-section';
import { headerSection } from './sections/header-section';
import { mapsSection } from './sections/maps-section';
import { signalsSection } from './sections/signals-section';
import { surveysSection } from './sections/surveys-section';
import { tieChangesSection } from './sections/tie-changes-section';
import { tieMixSection } from './sections/tie-mix-section';
import { verdictSection } from './sections/verdict-section';

/**
 * The school-year report: one self-contained HTML document (inline SVG charts, inline
 * styles, no script, nothing fetched), its sections in this order: title, period and scope;
 * the data behind it; the verdict; the four signals; the tie mix; the change points; the
 * maps of the first and last window; the last window's brokers; tie changes; surveys; the
 * definitions. Pure: the same data gives the same text (only `madeAt` varies between runs).
 */
export function renderReport(data: ReportData, cusum: { baselineWindows: number; k: number; h: number }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="copnet ${esc(data.copnetVersion)}">
<title>${esc(data.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
${headerSection(data)}
<main>
${dataSection(data)}
${verdictSection(data)}
${signalsSection(data)}
${tieMixSection(data)}
${changePointsSection(data, cusum)}
${mapsSection(data)}
${brokersSection(data)}
${tieChangesSection(data)}
${surveysSection(data)}
${definitionsSection()}
</main>
</body>
</html>
`;
}
