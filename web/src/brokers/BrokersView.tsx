import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { Status } from '../components/Status';
import { Checklist } from '../components/Checklist';
import { BrokersDocument, SeriesDocument, type ActorKind } from '../generated/graphql';
import { KIND_NAMES } from '../palette';
import { ACTOR_KINDS, scopeOf, seriesOf, type ViewState } from '../state/url-state';
import { hrefOf } from '../state/use-view-state';
import { chosenWindowIndex, windowName } from '../story/series-data';
import { BROKER_COLUMNS, brokerRows, brokersCsv, type BrokerColumn, type SortDirection } from './brokers-data';

/** The API's page limit for a window's actors. */
const FIRST = 500;

const HEADINGS: Readonly<Record<BrokerColumn, string>> = {
  name: 'Actor',
  kind: 'Kind',
  betweenness: 'Betweenness',
  constraint: 'Constraint',
  effectiveSize: 'Effective size',
  degree: 'Degree',
  coreNumber: 'Core number',
  closeness: 'Closeness',
  clustering: 'Clustering',
  community: 'Community',
};

/** Brokers: who sits between others in the window, sortable, filterable by kind, as CSV. */
export function BrokersView({ state, navigate }: { state: ViewState; navigate: (change: Partial<ViewState>) => void }) {
  const series = useQuery(SeriesDocument, { series: seriesOf(state), scope: scopeOf(state) });
  const snapshots = series.status === 'done' ? series.data.networkMetricSeries.snapshots : [];
  const index = chosenWindowIndex(snapshots, state.window);
  const chosen = index >= 0 ? snapshots[index]! : null;
  const brokers = useQuery(
    BrokersDocument,
    chosen ? { window: { from: chosen.window.from, to: chosen.window.to }, scope: scopeOf(state), first: FIRST } : null,
  );
  const [sort, setSort] = useState<{ column: BrokerColumn; direction: SortDirection }>({ column: 'betweenness', direction: 'descending' });
  const [kinds, setKinds] = useState<ActorKind[]>([]);
  if (series.status !== 'done') return <Status result={series} what="the series" />;
  if (!chosen) return <p>The series has no windows.</p>;
  if (brokers.status !== 'done') return <Status result={brokers} what="the brokers" />;
  const all = brokers.data.networkMetrics.actors;
  const rows = brokerRows(all, kinds, sort.column, sort.direction);

  function download() {
    const url = URL.createObjectURL(new Blob([brokersCsv(rows)], { type: 'text/csv' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `copnet-brokers-${chosen!.window.from.slice(0, 10)}.csv`;
    anchor.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <h2>Brokers in {windowName(chosen.window)}</h2>
      <p>
        Actors by betweenness: the share of shortest paths between others that pass through them. Low constraint and a high effective size
        also mark brokers: partners who are not tied to each other.
        {brokers.data.networkMetrics.actorCount > all.length
          ? ` The ${all.length} highest of ${brokers.data.networkMetrics.actorCount} actors.`
          : ''}
      </p>
      <div className="map-controls">
        <label>
          Window{' '}
          <select value={chosen.window.from.slice(0, 10)} onChange={(e) => navigate({ window: e.target.value })}>
            {snapshots.map((s) => (
              <option key={s.window.from} value={s.window.from.slice(0, 10)}>
                {windowName(s.window)}
              </option>
            ))}
          </select>
        </label>
        <Checklist legend="Kinds shown" options={ACTOR_KINDS} checked={kinds} nameOf={(kind) => KIND_NAMES[kind]} onChange={setKinds} />
        <button type="button" onClick={download}>
          Download CSV ({rows.length} rows)
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Brokers table">
        <table data-testid="brokers-table">
          <caption>
            {rows.length} actors of {windowName(chosen.window)}, by {HEADINGS[sort.column].toLowerCase()} ({sort.direction})
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              {BROKER_COLUMNS.map((column) => (
                <th key={column} scope="col" aria-sort={sort.column === column ? sort.direction : 'none'}>
                  <button
                    type="button"
                    className="sort"
                    onClick={() =>
                      setSort({
                        column,
                        direction:
                          sort.column === column
                            ? sort.direction === 'descending'
                              ? 'ascending'
                              : 'descending'
                            : column === 'name' || column === 'kind' || column === 'constraint'
                              ? 'ascending'
                              : 'descending',
                      })
                    }
                  >
                    {HEADINGS[column]}
                    <span aria-hidden="true">{sort.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.actor.id}>
                <td>{i + 1}</td>
                <th scope="row">
                  <a
                    href={hrefOf(state, { view: 'actor', actor: row.actor.id })}
                    onClick={(e) => (e.preventDefault(), navigate({ view: 'actor', actor: row.actor.id }))}
                  >
                    {row.actor.name}
                  </a>
                </th>
                <td>{KIND_NAMES[row.actor.kind]}</td>
                <td>{row.betweenness.toFixed(4)}</td>
                <td>{row.constraint.toFixed(4)}</td>
                <td>{row.effectiveSize.toFixed(2)}</td>
                <td>{row.degree}</td>
                <td>{row.coreNumber}</td>
                <td>{row.closeness.toFixed(4)}</td>
                <td>{row.clustering.toFixed(4)}</td>
                <td>{row.community}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
