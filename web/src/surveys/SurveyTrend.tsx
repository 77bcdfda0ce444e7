import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import { DataTable } from '../components/DataTable';
import { OKABE_ITO } from '../palette';
import { trendPoints, trendTable, type TrendSurvey } from './survey-data';

/**
 * Network trust and value per survey, by window (Observable Plot, SVG, 1–4 scale), with the
 * same figures in a table beside it, as the Story's charts have.
 */
export function SurveyTrend({
  surveys,
  title = 'Trust and value across surveys',
  table,
}: {
  surveys: readonly TrendSurvey[];
  title?: string;
  /** The table beside the chart; default: the survey trend table. */
  table?: { caption: string; columns: readonly string[]; rows: readonly (readonly string[])[] };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const points = trendPoints(surveys);
    const labels = surveys.map((s) => s.name);
    const measures = ['Network trust', 'Network value'];
    const chart = Plot.plot({
      width: Math.max(320, Math.min(900, ref.current?.clientWidth ?? 720)),
      height: 240,
      marginLeft: 40,
      marginBottom: 40,
      ariaLabel: title,
      ariaDescription: `Network trust and network value (1 to 4) over ${surveys.length} surveys; the numbers are in the table below.`,
      x: { type: 'point', domain: surveys.map((_, i) => i), tickFormat: (i: number) => labels[i] ?? '', label: null },
      y: { grid: true, label: null, domain: [1, 4] },
      color: { domain: measures, range: [OKABE_ITO[4], OKABE_ITO[5]], legend: true },
      symbol: { domain: measures, range: ['circle', 'square'], legend: false },
      marks: [
        Plot.line(points, { x: 'index', y: 'value', stroke: 'measure', strokeWidth: 2, ariaHidden: 'true' }),
        Plot.dot(points, {
          x: 'index',
          y: 'value',
          stroke: 'measure',
          fill: 'measure',
          symbol: 'measure',
          r: 4,
          tip: true,
          title: (d: { label: string; measure: string; value: number }) => `${d.label}\n${d.measure}: ${d.value.toFixed(2)}`,
        }),
      ],
    });
    // As in SeriesChart: one image described by its label; ARIA allows no aria-label on plain <g>.
    chart.querySelectorAll('g[aria-label]').forEach((g) => {
      g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
      g.removeAttribute('aria-label');
    });
    chart.querySelectorAll('svg[aria-label]').forEach((svg) => svg.setAttribute('role', 'img'));
    const host = ref.current;
    if (!host) return;
    host.replaceChildren(chart);
    return () => chart.remove();
  }, [surveys, title]);
  const own = trendTable(surveys);
  const shown = table ?? { caption: 'Network trust and value per survey, with coverage', ...own };
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <div ref={ref} className="chart" data-testid="survey-trend-chart" />
      <DataTable caption={shown.caption} columns={shown.columns} rows={shown.rows} testId="survey-trend-table" />
    </section>
  );
}
