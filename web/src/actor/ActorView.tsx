import { useEffect, useState } from 'react';
import { useQuery } from '../api/use-query';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { ActorPageDocument, ActorSeriesDocument, IntroductionsDocument, SeriesDocument, WindowFiguresDocument } from '../generated/graphql';
import { loadWindowNetwork, tiesOf, type WindowNetwork } from '../map/window-network';
import { KIND_NAMES } from '../palette';
import { ActorOptions, pickActor, useActorSearch } from '../record/ActorPicker';
import { scopeOf, seriesOf, type ViewState } from '../state/url-state';
import { hrefOf } from '../state/use-view-state';
import { SeriesChart } from '../story/SeriesChart';
import { chosenWindowIndex, windowName, type SeriesMeasure, type Snapshot } from '../story/series-data';

/** How many introductions to suggest. */
const INTRODUCTIONS = 10;

/** One actor: its figures in the window, over the series, and its ties. */
export function ActorView({ state, navigate }: { state: ViewState; navigate: (change: Partial<ViewState>) => void }) {
  const series = useQuery(SeriesDocument, { series: seriesOf(state), scope: scopeOf(state) });
  const snapshots = series.status === 'done' ? series.data.networkMetricSeries.snapshots : [];
  const index = chosenWindowIndex(snapshots, state.window);
  const chosen = index >= 0 ? snapshots[index]! : null;
  const windowInput = chosen ? { from: chosen.window.from, to: chosen.window.to } : null;
  const page = useQuery(
    ActorPageDocument,
    state.actor && windowInput ? { id: state.actor, window: windowInput, scope: scopeOf(state) } : null,
  );
  const figures = useQuery(WindowFiguresDocument, windowInput ? { window: windowInput, scope: scopeOf(state) } : null);
  const [network, setNetwork] = useState<WindowNetwork | null>(null);
  const overTime = useQuery(ActorSeriesDocument, state.actor ? { id: state.actor, series: seriesOf(state), scope: scopeOf(state) } : null);
  const introductions = useQuery(
    IntroductionsDocument,
    state.actor && windowInput ? { id: state.actor, window: windowInput, scope: scopeOf(state), first: INTRODUCTIONS } : null,
  );
  const jsonUrl = figures.status === 'done' ? figures.data.networkMetrics.json : null;

  useEffect(() => {
    if (!jsonUrl) return;
    let live = true;
    loadWindowNetwork(jsonUrl).then(
      (n) => live && setNetwork(n),
      () => live && setNetwork(null),
    );
    return () => {
      live = false;
    };
  }, [jsonUrl]);

  const search = <ActorSearch onPick={(id) => navigate({ actor: id })} />;
  if (!state.actor) {
    return (
      <>
        {search}
        <p>Choose an actor here, on the map or in the brokers table.</p>
      </>
    );
  }
  if (page.status !== 'done')
    return <Status result={page.status === 'loading' && series.status !== 'done' ? series : page} what="the actor" />;
  const actor = page.data.actor;
  if (!actor) {
    return (
      <>
        {search}
        <p role="alert">There is no actor with id {state.actor}.</p>
      </>
    );
  }
  const m = actor.metrics;
  const ties = network ? tiesOf(network, actor.id) : null;
  const perWindow = overTime.status === 'done' ? (overTime.data.actor?.metricSeries ?? []) : null;
  const figureOf = (snapshot: Snapshot) => perWindow?.[snapshots.indexOf(snapshot)] ?? null;
  const smallMultiples: { key: string; measure: SeriesMeasure }[] = [
    { key: 'degree', measure: { label: 'Degree', kind: 'count', reading: '', value: (s) => figureOf(s)?.degree ?? 0 } },
    { key: 'betweenness', measure: { label: 'Betweenness', kind: 'share', reading: '', value: (s) => figureOf(s)?.betweenness ?? 0 } },
    { key: 'constraint', measure: { label: "Burt's constraint", kind: 'share', reading: '', value: (s) => figureOf(s)?.constraint ?? 0 } },
  ];
  return (
    <>
      {search}
      <h2 data-testid="actor-name">{actor.name}</h2>
      <p>
        {KIND_NAMES[actor.kind]}
        {actor.region ? `, ${actor.region}` : ''}
        {actor.affiliation ? (
          <>
            , part of{' '}
            <a
              href={hrefOf(state, { actor: actor.affiliation.id })}
              onClick={(e) => (e.preventDefault(), navigate({ actor: actor.affiliation!.id }))}
            >
              {actor.affiliation.name}
            </a>
          </>
        ) : null}
        {actor.tags.length > 0 ? ` · tags: ${actor.tags.join(', ')}` : ''}
      </p>
      {chosen && (
        <section aria-labelledby="actor-window-title">
          <h3 id="actor-window-title">In {windowName(chosen.window)}</h3>
          {m ? (
            <DataTable
              caption={`${actor.name}'s figures in ${windowName(chosen.window)}`}
              columns={['Measure', 'Value']}
              testId="actor-figures"
              rows={[
                ['Degree (distinct actors tied)', String(m.degree)],
                ['Degree centrality', m.degreeCentrality.toFixed(4)],
                ['Betweenness', m.betweenness.toFixed(4)],
                ['Closeness', m.closeness.toFixed(4)],
                ['Eigenvector', m.eigenvector.toFixed(4)],
                ['PageRank', m.pagerank.toFixed(4)],
                ['Clustering', m.clustering.toFixed(4)],
                ['Community', String(m.community)],
                ["Burt's constraint (low: a broker between groups)", m.constraint.toFixed(4)],
                ['Effective size (non-redundant partners)', m.effectiveSize.toFixed(2)],
                ['Core number', String(m.coreNumber)],
              ]}
            />
          ) : (
            <p>No ties in this window.</p>
          )}
        </section>
      )}
      <section aria-labelledby="actor-series-title">
        <h3 id="actor-series-title">Over the series</h3>
        {perWindow === null ? (
          <Status result={overTime} what="the figures over time" />
        ) : (
          <>
            <div className="small-multiples">
              {smallMultiples.map(({ key, measure }) => (
                <SeriesChart
                  key={key}
                  snapshots={snapshots}
                  measures={[measure]}
                  title={`${actor.name}: ${measure.label.toLowerCase()} per window`}
                  share={false}
                  testId={`actor-${key}-chart`}
                />
              ))}
            </div>
            <details>
              <summary>Table view: {actor.name} per window</summary>
              <DataTable
                caption={`${actor.name}'s figures per window`}
                columns={['Window', 'Degree', 'Betweenness', 'Closeness', 'PageRank', 'Constraint', 'Effective size']}
                rows={snapshots.map((s) => {
                  const f = figureOf(s);
                  return f
                    ? [
                        windowName(s.window),
                        String(f.degree),
                        f.betweenness.toFixed(4),
                        f.closeness.toFixed(4),
                        f.pagerank.toFixed(4),
                        f.constraint.toFixed(4),
                        f.effectiveSize.toFixed(2),
                      ]
                    : [windowName(s.window), 'no ties', '—', '—', '—', '—', '—'];
                })}
              />
            </details>
          </>
        )}
      </section>
      <section aria-labelledby="actor-intro-title">
        <h3 id="actor-intro-title">Suggested introductions{chosen ? ` in ${windowName(chosen.window)}` : ''}</h3>
        <p className="small">
          Actors of the same kind not tied to {actor.name} in this window, ranked by the partners they share (Adamic–Adar).
        </p>
        {introductions.status !== 'done' ? (
          <Status result={introductions} what="suggested introductions" />
        ) : introductions.data.suggestedIntroductions.length === 0 ? (
          <p>No suggestion: no untied actor shares a partner with {actor.name} in this window.</p>
        ) : (
          <DataTable
            caption={`Who ${actor.name} could meet next`}
            testId="introductions"
            columns={['Actor', 'Score', 'Partners in common']}
            rows={introductions.data.suggestedIntroductions.map((intro) => [
              <a
                key={intro.actor.id}
                href={hrefOf(state, { actor: intro.actor.id })}
                onClick={(e) => (e.preventDefault(), navigate({ actor: intro.actor.id }))}
              >
                {intro.actor.name}
              </a>,
              intro.score.toFixed(3),
              String(intro.via.length),
            ])}
          />
        )}
      </section>
      <section aria-labelledby="actor-ties-title">
        <h3 id="actor-ties-title">Ties{chosen ? ` in ${windowName(chosen.window)}` : ''}</h3>
        {ties === null ? (
          <p role="status">Loading ties…</p>
        ) : ties.length === 0 ? (
          <p>No ties in this window.</p>
        ) : (
          <DataTable
            caption={`${actor.name}'s ${ties.length} ties, strongest first`}
            columns={['Actor', 'Kind', 'Interactions', 'Weight', ...(ties.some((t) => t.tieClass) ? ['Tie class'] : [])]}
            rows={ties.map((t) => [
              <a key={t.id} href={hrefOf(state, { actor: t.id })} onClick={(e) => (e.preventDefault(), navigate({ actor: t.id }))}>
                {t.name}
              </a>,
              KIND_NAMES[t.kind as keyof typeof KIND_NAMES] ?? t.kind,
              String(t.interactions),
              String(t.weight),
              ...(ties.some((x) => x.tieClass) ? [t.tieClass ?? ''] : []),
            ])}
          />
        )}
      </section>
    </>
  );
}

/** Search the API's actors by name and open one's page. */
function ActorSearch({ onPick }: { onPick: (id: string) => void }) {
  const [text, setText] = useState('');
  const found = useActorSearch(text);
  return (
    <form
      role="search"
      className="map-controls"
      onSubmit={(event) => {
        event.preventDefault();
        const actor = pickActor(text, found);
        if (actor) onPick(actor.id);
      }}
    >
      <label>
        Find an actor <input list="actor-search-options" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <ActorOptions id="actor-search-options" found={found} />
      <button type="submit">Open</button>
    </form>
  );
}
