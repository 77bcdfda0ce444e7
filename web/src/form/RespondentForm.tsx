import { useEffect, useState } from 'react';
import { ApiError, request } from '../api/client';
import { MyFormDocument, SubmitRatingsDocument, type RespondentFormFieldsFragment } from '../generated/graphql';
import { windowText } from '../surveys/survey-data';
import {
  addableRoster,
  addPartner,
  answersFromForm,
  interactionsText,
  ITEM_TEXT,
  progressText,
  refusal,
  RATING_ITEMS,
  ratingInputs,
  removePartner,
  SCALE,
  setItem,
  setWorked,
  type Answer,
} from './form-state';

type Form = RespondentFormFieldsFragment;
type Loaded = { status: 'loading' } | { status: 'refused'; message: string } | { status: 'ready'; form: Form };

/**
 * The respondent's form, opened from a survey link (`/?view=form#token=…`) on its own page:
 * the partners the log says it worked with, six 1–4 questions each, partners to add from the
 * roster, and saving (which replaces the earlier answers until the survey closes).
 */
export function RespondentForm() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [search, setSearch] = useState('');
  const [toAdd, setToAdd] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'copnet · Partner survey';
    let live = true;
    request(MyFormDocument, {}).then(
      (data) => {
        if (!live) return;
        setLoaded({ status: 'ready', form: data.myForm });
        setAnswers(answersFromForm(data.myForm));
      },
      (error: unknown) => live && setLoaded({ status: 'refused', message: refusal(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (loaded.status === 'loading') {
    return (
      <Page>
        <p role="status">Loading your survey form…</p>
      </Page>
    );
  }
  if (loaded.status === 'refused') {
    return (
      <Page>
        <p role="alert" className="error" data-testid="form-refused">
          {loaded.message}
        </p>
      </Page>
    );
  }
  const { form } = loaded;
  const closed = !form.survey.isOpen;
  const addable = addableRoster(form.roster, answers, search);
  const chosen = addable.find((a) => a.id === toAdd) ?? addable[0];

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    setSaved(null);
    setBusy(true);
    const ratings = ratingInputs(answers);
    try {
      const data = await request(SubmitRatingsDocument, { ratings });
      setLoaded({ status: 'ready', form: data.submitRatings });
      setAnswers(answersFromForm(data.submitRatings));
      const at = data.submitRatings.submittedAt ? new Date(data.submitRatings.submittedAt) : new Date();
      setSaved(
        `Thank you: your answers about ${ratings.length} partner${ratings.length === 1 ? '' : 's'} were saved at ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC. You can come back with the same link and change them until the survey closes.`,
      );
    } catch (error) {
      if (error instanceof ApiError && /closed/i.test(error.message)) setLoaded({ status: 'refused', message: refusal(error) });
      else setProblem(error instanceof ApiError ? error.message : `Saving failed: ${String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <h2 data-testid="form-survey">{form.survey.name}</h2>
      <p>
        For <strong data-testid="form-actor">{form.actor.name}</strong>, about working together from {windowText(form.survey.window)}.
        {form.survey.closesAt && ` Open until ${form.survey.closesAt.slice(0, 16).replace('T', ' ')} UTC.`}
      </p>
      <p className="small">
        For each partner: did you work together in this period? If yes, answer the six questions on a scale of 1 (not at all) to 4 (a great
        deal); leave out any you cannot judge. Your answers about a partner are seen only by the survey's administrators; others see
        averages over at least three respondents.
      </p>
      {form.submittedAt && !saved && (
        <p className="small" data-testid="form-previous">
          You saved answers on {form.submittedAt.slice(0, 16).replace('T', ' ')} UTC; they are filled in below.
        </p>
      )}
      {closed ? (
        <p role="alert" className="error" data-testid="form-refused">
          This survey is closed: answers can no longer be given or changed. Thank you.
        </p>
      ) : (
        <form onSubmit={(event) => void save(event)} noValidate aria-label={`Survey form: ${form.survey.name}`}>
          {answers.length === 0 && <p>The log shows no partners for you in this period: add the partners you worked with below.</p>}
          {answers.map((answer, i) => (
            <PartnerAnswer
              key={answer.partnerId}
              index={i}
              answer={answer}
              onWorked={(worked) => setAnswers(setWorked(answers, answer.partnerId, worked))}
              onItem={(item, value) => setAnswers(setItem(answers, answer.partnerId, item, value))}
              onRemove={answer.interactions === null ? () => setAnswers(removePartner(answers, answer.partnerId)) : undefined}
            />
          ))}
          <fieldset className="add-partner">
            <legend>Add a partner you worked with</legend>
            <label htmlFor="add-search">Search the roster</label>
            <input id="add-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
            <label htmlFor="add-partner">Partner</label>
            <select id="add-partner" value={chosen?.id ?? ''} onChange={(e) => setToAdd(e.target.value)} disabled={addable.length === 0}>
              {addable.length === 0 && <option value="">No partner matches</option>}
              {addable.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!chosen}
              onClick={() => {
                if (!chosen) return;
                setAnswers(addPartner(answers, chosen));
                setSearch('');
                setToAdd('');
              }}
            >
              Add partner
            </button>
          </fieldset>
          <p className="small" role="status" data-testid="form-progress">
            {progressText(answers)}
          </p>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save my answers'}
          </button>
          {problem && (
            <p role="alert" className="error" data-testid="form-problem">
              {problem}
            </p>
          )}
        </form>
      )}
      <div role="status" aria-live="polite">
        {saved && (
          <p className="confirmation" data-testid="form-saved">
            {saved}
          </p>
        )}
      </div>
    </Page>
  );
}

/** The form's own page: no dashboard navigation, one landmark. */
function Page({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header>
        <h1>Partner survey</h1>
      </header>
      <main id="main" className="respondent">
        {children}
      </main>
    </>
  );
}

function PartnerAnswer({
  index,
  answer,
  onWorked,
  onItem,
  onRemove,
}: {
  index: number;
  answer: Answer;
  onWorked: (worked: boolean) => void;
  onItem: (item: (typeof RATING_ITEMS)[number], value: number | null) => void;
  onRemove: (() => void) | undefined;
}) {
  const id = `p${index}`;
  return (
    <section className="partner" aria-labelledby={`${id}-name`} data-testid="form-partner" data-partner={answer.partnerId}>
      <h3 id={`${id}-name`}>{answer.name}</h3>
      <p className="small">{interactionsText(answer)}</p>
      <fieldset className="choice">
        <legend>Did you work together with {answer.name} in this period?</legend>
        <label>
          <input type="radio" name={`${id}-worked`} checked={answer.worked === true} onChange={() => onWorked(true)} /> Yes
        </label>
        <label>
          <input type="radio" name={`${id}-worked`} checked={answer.worked === false} onChange={() => onWorked(false)} /> No
        </label>
      </fieldset>
      {answer.worked === true &&
        RATING_ITEMS.map((item) => (
          <fieldset key={item} className="scale" aria-describedby={`${id}-${item}-q`}>
            <legend>
              {ITEM_TEXT[item].name}: {answer.name}
            </legend>
            <p id={`${id}-${item}-q`} className="small">
              {ITEM_TEXT[item].question}
            </p>
            <div className="scale-options">
              {SCALE.map((point) => (
                <label key={point.value}>
                  <input
                    type="radio"
                    name={`${id}-${item}`}
                    value={point.value}
                    checked={answer.items[item] === point.value}
                    onChange={() => onItem(item, point.value)}
                  />{' '}
                  {point.value} {point.label}
                </label>
              ))}
              <label>
                <input type="radio" name={`${id}-${item}`} checked={answer.items[item] === null} onChange={() => onItem(item, null)} />{' '}
                Can't say
              </label>
            </div>
          </fieldset>
        ))}
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove}>
          Remove {answer.name}
        </button>
      )}
    </section>
  );
}
