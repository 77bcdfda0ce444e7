import { useQuery } from '../api/use-query';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { ExportLinks } from '../exports/ExportLinks';
import { SeriesDocument, WindowFiguresDocument } from '../generated/graphql';
import { scopeOf, seriesOf, type ViewState } from '../state/url-state';
import { hrefOf } from '../state/use-view-state';
import { SeriesChart } from './SeriesChart';
import { chosenWindowIndex, COUNT_MEASURES, SHARE_MEASURES, tableView, VERDICT_WORDS, windowName } from './series-data';
import { windowExportLinks } from './window-exports';

/** "Is it working?": the trend in words, then a chart per question, each with its table. */
export function StoryView({ state, navigate }: { state: ViewState; navigate: (change: Partial<ViewState>) => void }) {
  const series = useQuery(SeriesDocument, { series: seriesOf(state), scope: scopeOf(state) });
  const data = series.status === 'done' ? series.data.networkMetricSeries : null;
  const index = data ? chosenWindowIndex(data.snapshots, state.window) : -1;
  const chosen = data && index >= 0 ? data.snapshots[index]! : null;
  const figures = useQuery(WindowFiguresDocument, chosen ? { window: { from: chosen.window.from, to: chosen.window.to }, scope: scopeOf(state) } : null);
  if (!data) return <Status result={series} what="the series" />;
  const shares = tableView(data.snapshots, SHARE_MEASURES);
  const counts = tableView(data.snapshots, COUNT_MEASURES);
  return (
    <>
      <section className="verdict" aria-labelledby="verdict-title" data-verdict={data.trend.verdict}>
        <h2 id="verdict-title" data-testid="verdict">
          {VERDICT_WORDS[data.trend.verdict]}
        </h2>
        <p data-testid="summary">{data.trend.summary}</p>
        <p className="small">
          Betweenness centralization changes by {data.trend.betweennessCentralizationSlope.toFixed(3)} per step; the share of ties without the foundation by{' '}
          {data.trend.peerTieShareSlope.toFixed(3)} per step.
        </p>
      </section>

      <section aria-labelledby="shares-title">
        <h2 id="shares-title">Is the network less hub-and-spoke?</h2>
        <p className="small">{SHARE_MEASURES.map((m) => `${m.label} ${m.reading}`).join('; ')}.</p>
        <SeriesChart snapshots={data.snapshots} measures={SHARE_MEASURES} title="Centralization and peer ties per window" share testId="shares-chart" />
        <details>
          <summary>Table view: centralization and peer ties</summary>
          <DataTable caption="Centralization and peer ties per window" columns={shares.columns} rows={shares.rows} testId="shares-table" />
        </details>
      </section>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">How big is it?</h2>
        <SeriesChart snapshots={data.snapshots} measures={COUNT_MEASURES} title="Actors, ties and interactions per window" share={false} testId="counts-chart" />
        <details>
          <summary>Table view: actors, ties and interactions</summary>
          <DataTable caption="Actors, ties and interactions per window" columns={counts.columns} rows={counts.rows} testId="counts-table" />
        </details>
      </section>

      <section aria-labelledby="windows-title">
        <h2 id="windows-title">Windows</h2>
        <DataTable
          caption="Each window's hub and where to look next"
          columns={['Window', 'Hub', 'Map', 'Brokers']}
          rows={data.snapshots.map((s) => {
            const day = s.window.from.slice(0, 10);
            return [
              windowName(s.window),
              s.hub ? (
                <a href={hrefOf(state, { view: 'actor', actor: s.hub.id, window: day })} onClick={(e) => go(e, { view: 'actor', actor: s.hub!.id, window: day })}>
                  {s.hub.name}
                </a>
              ) : (
                '—'
              ),
              <a href={hrefOf(state, { view: 'map', window: day })} onClick={(e) => go(e, { view: 'map', window: day })}>
                Map of {windowName(s.window)}
              </a>,
              <a href={hrefOf(state, { view: 'brokers', window: day })} onClick={(e) => go(e, { view: 'brokers', window: day })}>
                Brokers of {windowName(s.window)}
              </a>,
            ];
          })}
        />
      </section>

      <ExportLinks
        title="Download the series"
        links={[
          { label: 'Series figures (CSV)', href: data.csvSeries },
          { label: 'Dynamic network (GEXF, Gephi timeline)', href: data.gexfDynamic },
        ]}
      />
      {chosen && figures.status === 'done' && (
        <ExportLinks title={`Download the network of ${windowName(chosen.window)}`} links={windowExportLinks(figures.data.networkMetrics)} />
      )}
    </>
  );

  function go(event: React.MouseEvent, change: Partial<ViewState>) {
    event.preventDefault();
    navigate(change);
  }
}
