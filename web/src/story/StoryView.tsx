import { useQuery } from '../api/use-query';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { ExportLinks } from '../exports/ExportLinks';
import { SeriesDocument, SurveyTrendDocument, WindowFiguresDocument } from '../generated/graphql';
import { SurveyTrend } from '../surveys/SurveyTrend';
import { storySurveyTable } from '../surveys/survey-data';
import { TIE_CLASS_COLOURS } from '../palette';
import { scopeOf, seriesOf, type ViewState } from '../state/url-state';
import { hrefOf } from '../state/use-view-state';
import { SeriesChart } from './SeriesChart';
import {
  chosenWindowIndex,
  COUNT_MEASURES,
  SIGNAL_MEASURES,
  STAGE_WORDS,
  tableView,
  TIE_MIX_MEASURES,
  tieChangeTable,
  VERDICT_WORDS,
  windowName,
} from './series-data';
import { windowExportLinks } from './window-exports';

const TIE_MIX_COLOURS = [TIE_CLASS_COLOURS.FOUNDATION!, TIE_CLASS_COLOURS.WITHIN_NETWORK!, TIE_CLASS_COLOURS.CROSS_NETWORK!, '#6E6E6E'];

/** "Is it working?": the trend in words, then a chart per question, each with its table. */
export function StoryView({ state, navigate }: { state: ViewState; navigate: (change: Partial<ViewState>) => void }) {
  const series = useQuery(SeriesDocument, { series: seriesOf(state), scope: scopeOf(state) });
  const data = series.status === 'done' ? series.data.networkMetricSeries : null;
  const index = data ? chosenWindowIndex(data.snapshots, state.window) : -1;
  const chosen = data && index >= 0 ? data.snapshots[index]! : null;
  const figures = useQuery(
    WindowFiguresDocument,
    chosen ? { window: { from: chosen.window.from, to: chosen.window.to }, scope: scopeOf(state) } : null,
  );
  // Surveys exist on some windows only; a token that may not read them just leaves the section out.
  const surveys = useQuery(SurveyTrendDocument, {});
  if (!data) return <Status result={series} what="the series" />;
  const signals = tableView(data.snapshots, SIGNAL_MEASURES);
  const mix = tableView(data.snapshots, TIE_MIX_MEASURES);
  const counts = tableView(data.snapshots, COUNT_MEASURES);
  const changes = tieChangeTable(data.tieChanges);
  const t = data.trend;
  const perStep = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
  return (
    <>
      <section className="verdict" aria-labelledby="verdict-title" data-verdict={t.verdict}>
        <h2 id="verdict-title" data-testid="verdict">
          {VERDICT_WORDS[t.verdict]}
        </h2>
        <p data-testid="summary">{t.summary}</p>
        <p className="small">
          Change per step: betweenness centralization {perStep(t.betweennessCentralizationSlope)}; foundation's share of ties{' '}
          {perStep(t.foundationTieShareSlope)}; cross-network share {perStep(t.crossNetworkTieShareSlope)}; foundation-initiated share{' '}
          {perStep(t.foundationInitiatedShareSlope)}.
        </p>
      </section>

      <section aria-labelledby="signals-title">
        <h2 id="signals-title">Is the network less hub-and-spoke?</h2>
        <p className="small">The four signals of the verdict. {SIGNAL_MEASURES.map((m) => `${m.label} ${m.reading}`).join('; ')}.</p>
        <SeriesChart
          snapshots={data.snapshots}
          measures={SIGNAL_MEASURES}
          title="The four signals per window"
          share
          testId="shares-chart"
        />
        <details>
          <summary>Table view: the four signals</summary>
          <DataTable caption="The four signals per window" columns={signals.columns} rows={signals.rows} testId="shares-table" />
        </details>
      </section>

      <section aria-labelledby="mix-title">
        <h2 id="mix-title">Who is tied to whom?</h2>
        <p className="small">The tie mix: each window's ties by class, stacked to 100%.</p>
        <SeriesChart
          snapshots={data.snapshots}
          measures={TIE_MIX_MEASURES}
          title="Tie mix per window"
          share
          stacked
          colours={TIE_MIX_COLOURS}
          testId="mix-chart"
        />
        <details>
          <summary>Table view: tie mix</summary>
          <DataTable caption="Shares of ties by class per window" columns={mix.columns} rows={mix.rows} testId="mix-table" />
        </details>
      </section>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">How big is it?</h2>
        <SeriesChart
          snapshots={data.snapshots}
          measures={COUNT_MEASURES}
          title="Actors, ties and interactions per window"
          share={false}
          testId="counts-chart"
        />
        <details>
          <summary>Table view: actors, ties and interactions</summary>
          <DataTable caption="Actors, ties and interactions per window" columns={counts.columns} rows={counts.rows} testId="counts-table" />
        </details>
      </section>

      {surveys.status === 'done' && surveys.data.surveys.length > 0 && (
        <section aria-labelledby="trust-title" data-testid="story-surveys">
          <h2 id="trust-title">Is trust growing?</h2>
          <p className="small">
            Network trust and value from the relationship surveys (1–4: the mean over all ratings), per survey window, beside that window's
            betweenness centralization when the series has it. Read each with its coverage.
          </p>
          <SurveyTrend
            surveys={surveys.data.surveys}
            title="Network trust and value per survey"
            table={{ caption: 'Surveys beside centralization', ...storySurveyTable(surveys.data.surveys, data.snapshots) }}
          />
        </section>
      )}

      <section aria-labelledby="windows-title">
        <h2 id="windows-title">Windows</h2>
        <DataTable
          caption="Each window's stage, hub and where to look next"
          testId="windows-table"
          columns={['Window', 'Stage', 'Main core', 'E-I index', 'Density', 'Hub', 'Map', 'Brokers']}
          rows={data.snapshots.map((s) => {
            const day = s.window.from.slice(0, 10);
            return [
              windowName(s.window),
              STAGE_WORDS[s.stage],
              `${s.mainCore.size} actors, k = ${s.mainCore.k}`,
              s.eiIndex.toFixed(3),
              s.density.toFixed(3),
              s.hub ? (
                <a
                  href={hrefOf(state, { view: 'actor', actor: s.hub.id, window: day })}
                  onClick={(e) => go(e, { view: 'actor', actor: s.hub!.id, window: day })}
                >
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
        {changes.rows.length > 0 && (
          <DataTable
            caption="How the ties changed from one window to the next"
            columns={changes.columns}
            rows={changes.rows}
            testId="tie-changes"
          />
        )}
      </section>

      <ExportLinks title="The school-year report" links={[{ label: 'Report (HTML: print it to PDF)', href: data.reportUrl }]} />
      <ExportLinks
        title="Download the series"
        links={[
          { label: 'Series figures (CSV)', href: data.csvSeries },
          { label: 'Dynamic network (GEXF, Gephi timeline)', href: data.gexfDynamic },
        ]}
      />
      {chosen && figures.status === 'done' && (
        <ExportLinks
          title={`Download the network of ${windowName(chosen.window)}`}
          links={windowExportLinks(figures.data.networkMetrics)}
        />
      )}
    </>
  );

  function go(event: React.MouseEvent, change: Partial<ViewState>) {
    event.preventDefault();
    navigate(change);
  }
}
