import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import { OKABE_ITO } from '../palette';
import { chartPoints, type SeriesMeasure, type Snapshot } from './series-data';

/**
 * A line per measure over the series' windows, a dot per window (Observable Plot, SVG).
 * The picture is described for screen readers; the numbers are in the table view below it.
 */
export function SeriesChart(props: {
  snapshots: readonly Snapshot[];
  measures: readonly SeriesMeasure[];
  title: string;
  share: boolean;
  testId: string;
  stacked?: boolean;
  colours?: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const points = chartPoints(props.snapshots, props.measures);
    const windows = props.snapshots.map((_, i) => i);
    const labels = props.snapshots.map((s) => s.window.label ?? s.window.from.slice(0, 10));
    const colours = props.colours ? [...props.colours] : props.measures.map((_, i) => OKABE_ITO[[4, 5, 2, 6, 0, 1][i % 6]!]!);
    const symbols = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'].slice(0, props.measures.length);
    const chart = Plot.plot({
      width: Math.max(320, Math.min(900, ref.current?.clientWidth ?? 720)),
      height: 280,
      marginLeft: 50,
      marginBottom: 40,
      ariaLabel: props.title,
      ariaDescription: `${props.measures.map((m) => m.label).join(', ')} over ${props.snapshots.length} windows; the numbers are in the table below.`,
      x: { type: 'point', domain: windows, tickFormat: (i: number) => labels[i] ?? '', label: null },
      y: { grid: true, label: null, ...(props.share ? { domain: [0, 1] } : { zero: true }) },
      color: { domain: props.measures.map((m) => m.label), range: colours, legend: true },
      symbol: { domain: props.measures.map((m) => m.label), range: symbols, legend: false },
      marks: props.stacked
        ? [
            Plot.areaY(points, { x: 'index', y: 'value', fill: 'measure', order: props.measures.map((m) => m.label), curve: 'linear' }),
            Plot.ruleY([0]),
          ]
        : [
            Plot.line(points, { x: 'index', y: 'value', stroke: 'measure', strokeWidth: 2, ariaHidden: 'true' }),
            Plot.dot(points, {
              x: 'index',
              y: 'value',
              stroke: 'measure',
              fill: 'measure',
              symbol: 'measure',
              r: 4,
              tip: true,
              title: (d: { window: string; measure: string; value: number }) =>
                `${d.window}\n${d.measure}: ${props.share ? d.value.toFixed(3) : d.value}`,
            }),
          ],
    });
    // Plot names its marks with aria-label on plain <g> elements, which ARIA does not allow
    // there: the chart is one image described by its label; the table beside it has the numbers.
    chart.querySelectorAll('g[aria-label]').forEach((g) => {
      g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
      g.removeAttribute('aria-label');
    });
    chart.querySelectorAll('svg[aria-label]').forEach((svg) => svg.setAttribute('role', 'img'));
    const host = ref.current;
    if (!host) return;
    host.replaceChildren(chart);
    return () => chart.remove();
  }, [props.snapshots, props.measures, props.title, props.share, props.stacked, props.colours]);
  return <div ref={ref} className="chart" data-testid={props.testId} />;
}
