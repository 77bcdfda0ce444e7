import { useState } from 'react';
import { ApiError, request } from '../api/client';
import { invalidateQueries, useQuery } from '../api/use-query';
import { Checklist } from '../components/Checklist';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { OpenSurveyDocument, SurveysDocument, type ActorKind } from '../generated/graphql';
import { KIND_NAMES } from '../palette';
import { ACTOR_KINDS, type ViewState } from '../state/url-state';
import { hrefOf } from '../state/use-view-state';
import { SurveyPage } from './SurveyPage';
import { SurveyTrend } from './SurveyTrend';
import {
  checkOpenSurvey,
  COVERAGE_MEANING,
  coverageTag,
  currentSchoolYear,
  formatScore,
  openSurveyFieldOf,
  responseRateText,
  windowText,
  type OpenSurveyErrors,
} from './survey-data';

type Navigate = (change: Partial<ViewState>, options?: { replace?: boolean }) => void;

/** Surveys (admins): open one, list them with their response rate and coverage, or show one survey's page. */
export function SurveysView({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  if (state.survey !== null) return <SurveyPage id={state.survey} state={state} navigate={navigate} />;
  return <SurveyList state={state} navigate={navigate} />;
}

function SurveyList({ state, navigate }: { state: ViewState; navigate: Navigate }) {
  const surveys = useQuery(SurveysDocument, {});
  return (
    <>
      <h2>Relationship surveys</h2>
      <p>
        Each roster actor rates the partners it worked with on three trust items and three value items (1–4, as PARTNER CPRM does). The
        results are joined to the interaction log of the survey's window. Every figure is stated with its coverage: high when at least 80%
        of the roster responded, directional from 65%, caution below.
      </p>
      <OpenSurveyForm onOpened={(id) => navigate({ survey: id })} />
      {surveys.status !== 'done' ? (
        <Status result={surveys} what="the surveys" />
      ) : surveys.data.surveys.length === 0 ? (
        <p data-testid="no-surveys">No survey has been opened yet.</p>
      ) : (
        <>
          <DataTable
            caption="Surveys, by window"
            testId="surveys-table"
            columns={['Survey', 'Window', 'Status', 'Response rate', 'Network trust', 'Network value']}
            rows={surveys.data.surveys.map((s) => [
              <a
                key={s.id}
                href={hrefOf(state, { survey: s.id })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ survey: s.id });
                }}
              >
                {s.name}
              </a>,
              windowText(s.window),
              s.isOpen ? 'open' : 'closed',
              `${responseRateText(s)} ${coverageTag(s.coverage)}`,
              `${formatScore(s.networkTrust)} ${coverageTag(s.coverage)}`,
              `${formatScore(s.networkValue)} ${coverageTag(s.coverage)}`,
            ])}
          />
          <p className="small">
            Coverage:{' '}
            {Object.entries(COVERAGE_MEANING)
              .map(([band, meaning]) => `${band.toLowerCase()}: ${meaning}`)
              .join('; ')}
            .
          </p>
          <SurveyTrend surveys={surveys.data.surveys} />
        </>
      )}
    </>
  );
}

function OpenSurveyForm({ onOpened }: { onOpened: (id: string) => void }) {
  const year = currentSchoolYear(new Date());
  const [name, setName] = useState('');
  const [from, setFrom] = useState(year.from);
  const [last, setLast] = useState(year.last);
  const [kinds, setKinds] = useState<ActorKind[]>(['INTERMEDIARY', 'SCHOOL', 'SUPPORT_PARTNER']);
  const [closesAt, setClosesAt] = useState('');
  const [errors, setErrors] = useState<OpenSurveyErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = checkOpenSurvey({ name, from, last, rosterKinds: kinds, closesAt });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const opened = await request(OpenSurveyDocument, { input: checked.input });
      invalidateQueries();
      onOpened(opened.openSurvey.id);
    } catch (error) {
      if (error instanceof ApiError && error.hasCode('BAD_USER_INPUT')) {
        const fields: OpenSurveyErrors = {};
        const other: string[] = [];
        for (const e of error.errors) {
          const field = openSurveyFieldOf(e.extensions?.field);
          if (field) fields[field] = e.message;
          else other.push(e.message);
        }
        setErrors(fields);
        if (other.length > 0) setProblem(other.join(' '));
      } else if (error instanceof ApiError && error.hasCode('FORBIDDEN')) {
        setProblem('Opening a survey needs an admin token.');
      } else setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: keyof OpenSurveyErrors) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `open-${field}-error` } : {};
  const message = (field: keyof OpenSurveyErrors) =>
    errors[field] && (
      <p id={`open-${field}-error`} className="error" data-testid={`open-error-${field}`}>
        {errors[field]}
      </p>
    );

  return (
    <details className="open-survey" open>
      <summary>Open a survey</summary>
      <form className="record" onSubmit={(event) => void submit(event)} noValidate aria-label="Open a survey">
        <div className="field">
          <label htmlFor="open-name">Name</label>
          <input
            id="open-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Partner survey 2024–25"
            {...invalid('name')}
          />
          {message('name')}
        </div>
        <div className="field">
          <span id="open-window-label">Interactions of the window (UTC)</span>
          <label className="inline">
            First day <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} {...invalid('window')} />
          </label>
          <label className="inline">
            Last day (included) <input type="date" value={last} onChange={(e) => setLast(e.target.value)} {...invalid('window')} />
          </label>
          {message('window')}
        </div>
        <div className="field">
          <Checklist
            legend="Roster: every actor of the kinds ticked"
            options={ACTOR_KINDS}
            checked={kinds}
            nameOf={(kind) => KIND_NAMES[kind]}
            onChange={setKinds}
          />
          {message('rosterKinds')}
        </div>
        <div className="field">
          <label htmlFor="open-closes">Closes at (optional, UTC)</label>
          <input
            id="open-closes"
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            {...invalid('closesAt')}
          />
          {message('closesAt')}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Opening…' : 'Open survey'}
        </button>
        {problem && (
          <p role="alert" className="error" data-testid="open-problem">
            {problem}
          </p>
        )}
      </form>
    </details>
  );
}
