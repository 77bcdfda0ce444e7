import { useState } from 'react';
import { ApiError, request } from '../api/client';
import { invalidateQueries } from '../api/use-query';
import { Status } from '../components/Status';
import {
  ActorInteractionsDocument,
  RecordInteractionDocument,
  WindowFiguresDocument,
  type ActorInteractionsQuery,
  type InteractionFieldsFragment,
  type InteractionKind,
  type WindowFiguresQuery,
} from '../generated/graphql';
import { INTERACTION_KINDS, scopeOf, type ViewState } from '../state/url-state';
import { ActorSearchInput, pickActor, useActorSearch, type PickedActor } from './ActorPicker';
import { checkForm, errorsByField, type FieldErrors, type FormField } from './record-form';

type Figures = WindowFiguresQuery['networkMetrics'];

interface Recorded {
  readonly interaction: InteractionFieldsFragment;
  readonly before: Figures;
  readonly after: Figures;
  readonly sameDay: ActorInteractionsQuery['interactions'];
}

/** The school year (1 August – 31 July, as copnet's SCHOOL_YEAR step) holding a date. */
function schoolYearOf(date: string): { from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5, 7) >= '08' ? year : year - 1;
  return { from: `${start}-08-01T00:00:00Z`, to: `${start + 1}-08-01T00:00:00Z` };
}

/** "Record an interaction": for CoP staff with write access; read-only tokens see why not. */
export function RecordView({ state }: { state: ViewState }) {
  const [kind, setKind] = useState<InteractionKind | ''>('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [initiatorText, setInitiatorText] = useState('');
  const [participantText, setParticipantText] = useState('');
  const [participants, setParticipants] = useState<PickedActor[]>([]);
  const [weight, setWeight] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const initiatorFound = useActorSearch(initiatorText);
  const participantFound = useActorSearch(participantText);

  function addParticipant() {
    const actor = pickActor(participantText, participantFound);
    if (actor && !participants.some((p) => p.id === actor.id)) setParticipants([...participants, actor]);
    setParticipantText('');
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    const initiator = pickActor(initiatorText, initiatorFound);
    const checked = checkForm({
      kind,
      date,
      time,
      initiatorId: initiator?.id ?? '',
      participantIds: participants.map((p) => p.id),
      weight,
      note,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const window = schoolYearOf(date);
      const scope = scopeOf(state);
      const before = (await request(WindowFiguresDocument, { window, scope })).networkMetrics;
      const result = await request(RecordInteractionDocument, { input: checked.input });
      const interaction = result.recordInteractions[0]!;
      invalidateQueries();
      const after = (await request(WindowFiguresDocument, { window, scope })).networkMetrics;
      const day = interaction.occurredAt.slice(0, 10);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
      const sameDay = (
        await request(ActorInteractionsDocument, {
          filter: { actorId: interaction.initiator.id, from: `${day}T00:00:00Z`, to: next },
          first: 50,
        })
      ).interactions;
      setRecorded({ interaction, before, after, sameDay });
    } catch (error) {
      if (error instanceof ApiError && error.hasCode('FORBIDDEN')) setReadOnly(true);
      else if (error instanceof ApiError && error.hasCode('BAD_USER_INPUT')) {
        const mapped = errorsByField(error.errors);
        setErrors(mapped.fields);
        if (mapped.other.length > 0) setProblem(mapped.other.join(' '));
      } else setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  if (readOnly) {
    return (
      <p role="alert" data-testid="read-only">
        Your token can read this network but not record interactions. Ask an administrator for a writer's token.
      </p>
    );
  }
  return (
    <>
      <h2>Record an interaction</h2>
      <form className="record" onSubmit={(event) => void submit(event)} noValidate aria-describedby="record-help">
        <p id="record-help" className="small">
          Who convened, reached out or visited is the initiator; everyone else who took part is a participant. Times are UTC.
        </p>
        <Field name="kind" label="Kind" errors={errors}>
          <select id="f-kind" value={kind} onChange={(e) => setKind(e.target.value as InteractionKind | '')} {...invalid('kind', errors)}>
            <option value="">Choose…</option>
            {INTERACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replace(/_/g, ' ').toLowerCase()}
              </option>
            ))}
          </select>
        </Field>
        <Field name="occurredAt" label="Date" errors={errors}>
          <input id="f-occurredAt" type="date" value={date} onChange={(e) => setDate(e.target.value)} {...invalid('occurredAt', errors)} />
          <label className="inline">
            Time (optional) <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
        </Field>
        <Field name="initiatorId" label="Initiator" errors={errors}>
          <ActorSearchInput
            id="f-initiatorId"
            listId="initiator-options"
            text={initiatorText}
            onText={setInitiatorText}
            found={initiatorFound}
            {...invalid('initiatorId', errors)}
          />
        </Field>
        <Field name="participantIds" label="Participants" errors={errors}>
          <ActorSearchInput
            id="f-participantIds"
            listId="participant-options"
            text={participantText}
            onText={setParticipantText}
            found={participantFound}
            onEnter={addParticipant}
            {...invalid('participantIds', errors)}
          />
          <button type="button" onClick={addParticipant}>
            Add participant
          </button>
          <ul className="chips" aria-label="Chosen participants">
            {participants.map((p) => (
              <li key={p.id}>
                {p.name === p.id ? p.id : `${p.name.replace(/ \([^()]+\)$/, '')} (${p.id})`}{' '}
                <button
                  type="button"
                  aria-label={`Remove ${p.id}`}
                  onClick={() => setParticipants(participants.filter((q) => q.id !== p.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </Field>
        <Field name="weight" label="Weight (optional, default 1)" errors={errors}>
          <input
            id="f-weight"
            inputMode="decimal"
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
            {...invalid('weight', errors)}
          />
        </Field>
        <Field name="note" label="Note (optional)" errors={errors}>
          <textarea id="f-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} {...invalid('note', errors)} />
        </Field>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record interaction'}
        </button>
      </form>
      {busy && <Status result={{ status: 'loading' }} what="the new figures" />}
      {recorded && <RecordedPanel recorded={recorded} />}
    </>
  );
}

function invalid(field: FormField, errors: FieldErrors) {
  return errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `e-${field}` } : {};
}

function Field({ name, label, errors, children }: { name: FormField; label: string; errors: FieldErrors; children: React.ReactNode }) {
  return (
    <div className="field" data-field={name}>
      <label htmlFor={`f-${name}`}>{label}</label>
      {children}
      {errors[name] && (
        <p id={`e-${name}`} className="error" data-testid={`error-${name}`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
}

function RecordedPanel({ recorded }: { recorded: Recorded }) {
  const { interaction, before, after, sameDay } = recorded;
  const rows: [string, number, number][] = [
    ['Interactions', before.interactionCount, after.interactionCount],
    ['Ties', before.tieCount, after.tieCount],
    ['Actors', before.actorCount, after.actorCount],
  ];
  return (
    <section aria-labelledby="recorded-title" data-testid="recorded">
      <h3 id="recorded-title">Recorded</h3>
      <p data-testid="recorded-interaction">
        {interaction.kind.replace(/_/g, ' ').toLowerCase()} on {interaction.occurredAt.slice(0, 10)}: {interaction.initiator.name} with{' '}
        {interaction.participants.map((p) => p.name).join(', ')} (weight {interaction.weight}, id {interaction.id})
      </p>
      <table data-testid="window-change">
        <caption>
          The school year {before.window.from.slice(0, 4)}–{after.window.to.slice(2, 4)} before and after
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, b, a]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{b}</td>
              <td>{a}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>
        {interaction.initiator.name}'s interactions on {interaction.occurredAt.slice(0, 10)} ({sameDay.totalCount})
      </h4>
      <ul data-testid="same-day">
        {sameDay.edges.map(({ node }) => (
          <li key={node.id} data-id={node.id}>
            {node.kind.replace(/_/g, ' ').toLowerCase()}: {node.initiator.name} with {node.participants.map((p) => p.name).join(', ')}
            {node.note ? ` — ${node.note}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
