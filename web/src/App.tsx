import { lazy, Suspense, useEffect, useState } from 'react';
import { readToken, saveToken, forgetToken } from './api/auth';
import { onUnauthenticated } from './api/client';
import { invalidateQueries } from './api/use-query';
import { ActorView } from './actor/ActorView';
import { BrokersView } from './brokers/BrokersView';
import { Checklist } from './components/Checklist';
import { KIND_NAMES } from './palette';
import { RecordView } from './record/RecordView';
import { StoryView } from './story/StoryView';
import { RespondentForm } from './form/RespondentForm';
import { SurveysView } from './surveys/SurveysView';
import { ACTOR_KINDS, INTERACTION_KINDS, STEPS, type View, type ViewState } from './state/url-state';
import { hrefOf, useViewState } from './state/use-view-state';

/** The map (sigma.js, WebGL) loads only when it is opened. */
const MapView = lazy(() => import('./map/MapView'));

/** The dashboard's views, in its navigation; the respondent form (view=form) stands alone. */
const VIEW_NAMES: Readonly<Record<Exclude<View, 'form'>, string>> = {
  story: 'Story',
  map: 'Map',
  actor: 'Actor',
  brokers: 'Brokers',
  record: 'Record an interaction',
  surveys: 'Surveys',
};

const STEP_NAMES: Readonly<Record<string, string>> = {
  SCHOOL_YEAR: 'School year',
  YEAR: 'Year',
  QUARTER: 'Quarter',
  MONTH: 'Month',
  WEEK: 'Week',
};

export function App() {
  const [state, navigate] = useViewState();
  const [needsToken, setNeedsToken] = useState(false);
  useEffect(() => onUnauthenticated(() => setNeedsToken(true)), []);
  useEffect(() => {
    if (state.view !== 'form') document.title = `copnet · ${VIEW_NAMES[state.view]}`;
  }, [state.view]);
  // A survey link opens the respondent's form alone: no navigation, no sign-in box (the form says why a link is refused).
  if (state.view === 'form') return <RespondentForm />;

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <h1>copnet</h1>
        <nav aria-label="Views">
          <ul>
            {(Object.keys(VIEW_NAMES) as (keyof typeof VIEW_NAMES)[]).map((view) => (
              <li key={view}>
                <a
                  href={hrefOf(state, { view, survey: null })}
                  aria-current={state.view === view ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ view, survey: null });
                  }}
                >
                  {VIEW_NAMES[view]}
                </a>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphQL IDE</a>
            </li>
          </ul>
        </nav>
        {readToken(sessionStorage) !== null && (
          <button
            type="button"
            className="link"
            onClick={() => {
              forgetToken(sessionStorage);
              invalidateQueries();
            }}
          >
            Sign out
          </button>
        )}
      </header>
      {needsToken && <SignIn onDone={() => setNeedsToken(false)} />}
      <ScopeControls state={state} navigate={navigate} />
      <main id="main" tabIndex={-1}>
        {state.view === 'story' && <StoryView state={state} navigate={navigate} />}
        {state.view === 'map' && (
          <Suspense fallback={<p role="status">Loading the map…</p>}>
            <MapView state={state} navigate={navigate} />
          </Suspense>
        )}
        {state.view === 'actor' && <ActorView state={state} navigate={navigate} />}
        {state.view === 'brokers' && <BrokersView state={state} navigate={navigate} />}
        {state.view === 'record' && <RecordView state={state} />}
        {state.view === 'surveys' && <SurveysView state={state} navigate={navigate} />}
      </main>
      <footer>
        <p className="small">
          Served by copnet from this server only. Data through the public GraphQL API at /graphql and the export URLs.
        </p>
      </footer>
    </>
  );
}

function SignIn({ onDone }: { onDone: () => void }) {
  const [token, setToken] = useState('');
  return (
    <form
      className="sign-in"
      aria-labelledby="sign-in-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim() === '') return;
        saveToken(sessionStorage, token);
        invalidateQueries();
        onDone();
      }}
    >
      <h2 id="sign-in-title">Sign in</h2>
      <p>This copnet asks for an access token. It is kept in this browser tab only.</p>
      <label>
        Access token <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}

/** Step, range and scope: they shape every view's network, and live in the URL. */
function ScopeControls({
  state,
  navigate,
}: {
  state: ViewState;
  navigate: (change: Partial<ViewState>, options?: { replace?: boolean }) => void;
}) {
  return (
    <details className="scope" open={state.view === 'story'}>
      <summary>Series and scope</summary>
      <form className="scope-form" onSubmit={(e) => e.preventDefault()} aria-label="Series and scope">
        <label>
          Step{' '}
          <select value={state.step} onChange={(e) => navigate({ step: e.target.value as ViewState['step'], window: null })}>
            {STEPS.map((step) => (
              <option key={step} value={step}>
                {STEP_NAMES[step]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{' '}
          <input
            type="date"
            value={state.from}
            onChange={(e) => e.target.value && e.target.value < state.to && navigate({ from: e.target.value, window: null })}
          />
        </label>
        <label>
          To (excluded){' '}
          <input
            type="date"
            value={state.to}
            onChange={(e) => e.target.value && e.target.value > state.from && navigate({ to: e.target.value, window: null })}
          />
        </label>
        <label>
          Steps per window{' '}
          <input
            type="number"
            min={1}
            max={52}
            value={state.windowSize}
            onChange={(e) => Number(e.target.value) >= 1 && navigate({ windowSize: Number(e.target.value) })}
          />
        </label>
        <label>
          <input type="checkbox" checked={state.expanding} onChange={(e) => navigate({ expanding: e.target.checked })} /> Cumulative (every
          window starts at From)
        </label>
        <Checklist
          legend="Actor kinds (none ticked: all)"
          options={ACTOR_KINDS}
          checked={state.actorKinds}
          nameOf={(kind) => KIND_NAMES[kind]}
          onChange={(actorKinds) => navigate({ actorKinds })}
        />
        <Checklist
          legend="Interaction kinds (none ticked: all)"
          options={INTERACTION_KINDS}
          checked={state.interactionKinds}
          nameOf={(kind) => kind.replace(/_/g, ' ').toLowerCase()}
          onChange={(interactionKinds) => navigate({ interactionKinds })}
        />
        <label>
          Co-participation limit{' '}
          <input
            type="number"
            min={0}
            max={100}
            placeholder="8"
            value={state.coParticipationLimit ?? ''}
            onChange={(e) =>
              navigate(
                { coParticipationLimit: e.target.value === '' ? null : Math.min(100, Math.max(0, Math.trunc(Number(e.target.value)))) },
                { replace: true },
              )
            }
          />
        </label>
      </form>
    </details>
  );
}
