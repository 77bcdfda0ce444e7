/**
 * The report's only styles, inline: system fonts (no font file is fetched), A4 pages when
 * printed with page numbers in the bottom margin, and no chart, map, definition or table
 * row cut across a page break (table headers repeat on the next page).
 */
export const REPORT_STYLE = `
:root { color: #1a1a1a; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 15px; line-height: 1.45; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: .4rem 0; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .85rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #ddd; padding: .2rem .6rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child, thead th { text-align: left; }
thead th { border-bottom: 2px solid #888; }
.brokers td:nth-child(2), .brokers td:nth-child(3), .change-points td:nth-child(2) { text-align: left; }
.columns { display: flex; gap: 2rem; flex-wrap: wrap; }
.verdict { border-left: 6px solid #0072B2; padding: .2rem 1rem; background: #f3f7fb; }
.verdict[data-verdict="MORE_HUB_CENTERED"] { border-color: #D55E00; background: #fbf4ef; }
.verdict[data-verdict="NO_CLEAR_CHANGE"] { border-color: #888; background: #f5f5f5; }
.summary { font-size: 1.05rem; }
figure { margin: .8rem 0; }
svg { max-width: 100%; height: auto; }
.legend { list-style: none; padding: 0; margin: .3rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .85rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: -.1rem; border: 1px solid #555; }
.map-pair { display: flex; gap: 1rem; }
.map-pair > div { flex: 1; min-width: 0; }
.small, .provenance, .made-at { font-size: .85rem; color: #444; }
.none { font-style: italic; }
dt { font-weight: 600; }
dd { margin: 0 0 .6rem 1rem; }
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #555; } }
@media print {
  :root { font-size: 10.5pt; }
  body { max-width: none; margin: 0; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, svg, tr, .definition, .verdict, .map-pair, caption { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .verdict, .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
