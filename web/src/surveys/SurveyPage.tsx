import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ApiError, request } from '../api/client';
import { invalidateQueries, useQuery } from '../api/use-query';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { ExportLinks } from '../exports/ExportLinks';
import {
  CloseSurveyDocument,
  SurveyAnswersDocument,
  SurveyResultsDocument,
  SurveysDocument,
  WindowFiguresDocument,
} from '../generated/graphql';
import { loadWindowNetwork, type WindowNetwork } from '../map/window-network';
import { KIND_NAMES } from '../palette';
import type { ViewState } from '../state/url-state';
import { hrefOf } from '../state/use-view-state';
import { SurveyTrend } from './SurveyTrend';
import {
  ACTOR_COLUMNS,
  COVERAGE_MEANING,
  COVERAGE_WORDS,
  coverageTag,
  firstDirection,
  formatPercent,
  formatScore,
  responseRateText,
  sortActors,
  tieTrust,
  windowText,
  type ActorColumn,
  type SortDirection,
} from './survey-data';

/** The map (sigma.js, WebGL) loads only when a survey's page shows it. */
const SurveyMap = lazy(() => import('./SurveyMap'));

type Navigate = (change: Partial<ViewState>, options?: { replace?: boolean }) => void;

const HEADINGS: Readonly<Record<ActorColumn, string>> = {
  name: 'Actor',
  raters: 'Raters',
  trust: 'Trust received',
  value: 'Value received',
};

/** One survey: its links, response rate, figures (each with its coverage band), actors, ties and the trend. */
export function SurveyPage({ id, state, navigate }: { id: string; state: ViewState; navigate: Navigate }) {
  const results = useQuery(SurveyResultsDocument, { id });
  const answers = useQuery(SurveyAnswersDocument, { id });
  const all = useQuery(SurveysDocument, {});
  const survey = results.status === 'done' ? results.data.survey : null;
  const figures = useQuery(
    WindowFiguresDocument,
    survey ? { window: { from: survey.window.from, to: survey.window.to }, scope: null } : null,
  );
  const jsonUrl = figures.status === 'done' ? figures.data.networkMetrics.json : null;
  const [network, setNetwork] = useState<WindowNetwork | null>(null);
  const [sort, setSort] = useState<{ column: ActorColumn; direction: SortDirection }>({ column: 'trust', direction: 'descending' });
  const [confirmClose, setConfirmClose] = useState(false);
  const [closeProblem, setCloseProblem] = useState<string | null>(null);

  useEffect(() => {
    if (jsonUrl === null) return;
    let live = true;
    loadWindowNetwork(jsonUrl).then(
      (loaded) => live && setNetwork(loaded),
      () => live && setNetwork(null),
    );
    return () => {
      live = false;
    };
  }, [jsonUrl]);

  const responses = answers.status === 'done' ? (answers.data.survey?.responses ?? null) : null;
  const ties = useMemo(() => {
    if (!survey || !network || responses === null) return null;
    const roster = new Set(survey.actors.map((a) => a.actor.id));
    return tieTrust(
      network.edges.map((e) => ({ source: e.source, target: e.target, interactions: e.attributes.interactions })),
      responses,
      roster,
    );
  }, [survey, network, responses]);

  const rosterActors = useMemo(() => (survey ? survey.actors.map((a) => a.actor) : []), [survey]);
  const unloggedPairs = useMemo(
    () => (answers.status === 'done' ? (answers.data.survey?.unloggedTies ?? []).map((p) => ({ a: p.a.id, b: p.b.id })) : []),
    [answers],
  );

  if (results.status !== 'done') return <Status result={results} what="the survey" />;
  if (!survey) {
    return (
      <p role="alert" className="error">
        No survey has the id {id}.{' '}
        <a href={hrefOf(state, { survey: null })} onClick={(e) => (e.preventDefault(), navigate({ survey: null }))}>
          All surveys
        </a>
      </p>
    );
  }
  const tag = coverageTag(survey.coverage);
  const names = new Map(survey.actors.map((a) => [a.actor.id, a.actor]));
  const rows = sortActors(survey.actors, sort.column, sort.direction);
  const adminOnly = answers.status === 'error' && answers.error instanceof ApiError && answers.error.hasCode('FORBIDDEN');

  async function close() {
    setCloseProblem(null);
    try {
      await request(CloseSurveyDocument, { id });
      invalidateQueries();
    } catch (error) {
      setCloseProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setConfirmClose(false);
    }
  }

  return (
    <>
      <p>
        <a href={hrefOf(state, { survey: null })} onClick={(e) => (e.preventDefault(), navigate({ survey: null }))}>
          ← All surveys
        </a>
      </p>
      <h2 data-testid="survey-name">{survey.name}</h2>
      <p>
        Interactions of {windowText(survey.window)}; roster: {survey.rosterSize} actors (
        {survey.rosterKinds.map((k) => KIND_NAMES[k]).join(', ') || 'chosen by id'}).{' '}
        <strong data-testid="survey-status">{survey.isOpen ? 'Open' : 'Closed'}</strong>
        {survey.isOpen && survey.closesAt && `, until ${survey.closesAt.slice(0, 16).replace('T', ' ')} UTC`}
        {survey.closedAt && ` on ${survey.closedAt.slice(0, 16).replace('T', ' ')} UTC`}.
      </p>

      <section aria-labelledby="response-title" className="verdict">
        <h3 id="response-title">Response rate</h3>
        <p data-testid="survey-response-rate">
          <strong>{responseRateText(survey)}</strong> of the roster responded {tag}
        </p>
        <p className="small" data-testid="survey-coverage">
          Coverage {COVERAGE_WORDS[survey.coverage]}: {COVERAGE_MEANING[survey.coverage]}.
        </p>
      </section>

      {survey.isOpen && (
        <section aria-labelledby="links-title">
          <h3 id="links-title">Respondent links</h3>
          <p className="small">
            One link per roster actor, each opening that actor's form on a phone or a computer. Every download makes new links; links sent
            earlier keep working until the survey closes.
          </p>
          <ExportLinks title="Download the links" links={[{ label: 'Respondent links (CSV)', href: survey.linksCsvUrl }]} />
          {confirmClose ? (
            <div role="group" aria-label="Confirm closing">
              <p>Close the survey? Links stop working and no answer can be given or changed afterwards.</p>
              <button type="button" onClick={() => void close()}>
                Close now
              </button>{' '}
              <button type="button" onClick={() => setConfirmClose(false)}>
                Keep open
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirmClose(true)}>
              Close survey
            </button>
          )}
          {closeProblem && (
            <p role="alert" className="error">
              {closeProblem}
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="figures-title">
        <h3 id="figures-title">Network figures</h3>
        <DataTable
          caption={`Network figures ${tag}`}
          testId="survey-figures"
          columns={['Figure', 'Value', 'Coverage', 'What it is']}
          rows={[
            ['Network trust (1–4)', formatScore(survey.networkTrust), COVERAGE_WORDS[survey.coverage], 'mean trust over all ratings'],
            ['Network value (1–4)', formatScore(survey.networkValue), COVERAGE_WORDS[survey.coverage], 'mean value over all ratings'],
            ['Ratings', String(survey.ratingCount), COVERAGE_WORDS[survey.coverage], 'ratings of partners a respondent worked with'],
            ['Logged ties', String(survey.loggedTies), COVERAGE_WORDS[survey.coverage], "ties between roster actors in the window's log"],
            [
              'Ties confirmed',
              formatPercent(survey.confirmedShare),
              COVERAGE_WORDS[survey.coverage],
              'of logged ties with a responding end, the share a responding end said it worked with',
            ],
            [
              'Ties mutually confirmed',
              formatPercent(survey.mutuallyConfirmedShare),
              COVERAGE_WORDS[survey.coverage],
              'of logged ties with both ends responding, the share both ends confirmed',
            ],
            [
              'Unlogged ties',
              String(survey.unloggedTieCount),
              COVERAGE_WORDS[survey.coverage],
              'pairs a respondent said worked together that the log does not show',
            ],
          ]}
        />
        <ExportLinks title="Download the results" links={[{ label: 'Scores per actor (CSV)', href: survey.exportUrl }]} />
      </section>

      <section aria-labelledby="actors-title">
        <h3 id="actors-title">Trust and value received</h3>
        <p className="small" id="no-score-note">
          An actor's score is the mean of the ratings others gave it. — : no score, because fewer than 3 raters rated the actor (readers
          below admin see scores only from 3 raters on) or none did.
        </p>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Trust and value received by each roster actor">
          <table data-testid="survey-actors" aria-describedby="no-score-note">
            <caption>
              {rows.length} roster actors by {HEADINGS[sort.column].toLowerCase()} ({sort.direction}) {tag}
            </caption>
            <thead>
              <tr>
                {ACTOR_COLUMNS.map((column) => (
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
                              : firstDirection(column),
                        })
                      }
                    >
                      {HEADINGS[column]}
                      <span aria-hidden="true">{sort.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
                <th scope="col">Responded</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.actor.id} data-actor={row.actor.id}>
                  <th scope="row">{row.actor.name}</th>
                  <td>{row.raters}</td>
                  <td>{score(row.trustReceived, row.raters)}</td>
                  <td>{score(row.valueReceived, row.raters)}</td>
                  <td>{row.responded ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ties-title">
        <h3 id="ties-title">Ties and mutual trust</h3>
        {adminOnly ? (
          <p>Individual answers, ties' trust and the ties the log is missing are shown to admins only.</p>
        ) : answers.status !== 'done' ? (
          <Status result={answers} what="the answers" />
        ) : (
          <>
            {ties === null ? (
              <p role="status">Loading the window's ties…</p>
            ) : (
              <>
                <Suspense fallback={<p role="status">Loading the map…</p>}>
                  <SurveyMap
                    actors={rosterActors}
                    ties={ties}
                    unlogged={unloggedPairs}
                    title={`Ties of ${windowText(survey.window)} by mutual trust, and the pairs the log is missing`}
                  />
                </Suspense>
                <details>
                  <summary>Table view: the {ties.length} logged ties between roster actors</summary>
                  <DataTable
                    caption={`Logged ties by mutual trust ${tag}`}
                    testId="survey-ties"
                    columns={['Tie', 'Interactions', 'Trust one way', 'Trust the other way', 'Mutual trust']}
                    rows={ties.map((t) => {
                      const a = names.get(t.a)?.name ?? t.a;
                      const b = names.get(t.b)?.name ?? t.b;
                      return [
                        `${a} – ${b}`,
                        String(t.interactions),
                        `${a} → ${b}: ${formatScore(t.trustAB)}`,
                        `${b} → ${a}: ${formatScore(t.trustBA)}`,
                        formatScore(t.mutual),
                      ];
                    })}
                  />
                </details>
              </>
            )}
            <h4>Ties the log is missing</h4>
            {answers.data.survey && answers.data.survey.unloggedTies.length > 0 ? (
              <ul data-testid="survey-unlogged">
                {answers.data.survey.unloggedTies.map((pair) => (
                  <li key={`${pair.a.id}/${pair.b.id}`}>
                    {pair.a.name} – {pair.b.name}
                  </li>
                ))}
              </ul>
            ) : (
              <p data-testid="survey-unlogged-none">None: every pair a respondent said it worked with has a logged interaction.</p>
            )}
          </>
        )}
      </section>

      {all.status === 'done' && all.data.surveys.length > 0 && <SurveyTrend surveys={all.data.surveys} />}
    </>
  );
}

/** A score, or a dash explained by the note above the table (and in the cell's title). */
function score(value: number | null, raters: number) {
  if (value !== null) return formatScore(value);
  return <span title={raters === 0 ? 'no rater' : `fewer than 3 raters (${raters})`}>—</span>;
}
