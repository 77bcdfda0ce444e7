import { describeValue, InvalidInputError } from '../domain/errors';
import { parseIsoDateTime } from '../domain/date-time';
import { INTERACTION_KINDS, type InteractionInput } from '../domain/interaction';
import type { FieldProblem, RowCheck } from './actor-row';
import { enumValue, optionalFreeText, optionalPositiveNumber, requiredText, textList, type Checked } from './cell-values';
import type { Cells, InteractionField } from './import-format';

/** Why an actor id cannot be used, worded to follow the id; null when the actor is known. */
export type ActorCheck = (id: string) => string | null;

/**
 * Checks one interaction row: `external_id` present (it is what makes re-imports
 * idempotent), `kind` one of the interaction kinds, `occurred_at` ISO 8601, initiator and
 * participants known actors (`unknownActor`), at least one participant, none of them the
 * initiator, none twice, `weight` a positive number when given. Every problem in the row
 * is reported. Duplicate external ids are the importer's business (they span rows).
 * The input returned has its date parsed (`occurredAt` is a Date) and its kind upper-cased.
 */
export function checkInteractionRow(cells: Cells<InteractionField>, unknownActor: ActorCheck): RowCheck<InteractionInput, InteractionField> {
  const problems: FieldProblem<InteractionField>[] = [];
  const take = <T>(field: InteractionField, checked: Checked<T>): T | null => {
    if (checked.ok) return checked.value;
    problems.push({ field, reason: checked.reason });
    return null;
  };
  const externalId = take('externalId', requiredText(cells.externalId));
  const kind = take('kind', enumValue(cells.kind, INTERACTION_KINDS));
  const occurredAt = take('occurredAt', isoDateTime(cells.occurredAt));
  const initiatorId = take('initiatorId', requiredText(cells.initiatorId));
  if (initiatorId !== null) {
    const unknown = unknownActor(initiatorId);
    if (unknown !== null) problems.push({ field: 'initiatorId', reason: `${describeValue(initiatorId)} ${unknown}` });
  }
  const listed = take('participantIds', textList(cells.participantIds));
  const participantIds: string[] = [];
  if (listed !== null && listed.length === 0) {
    problems.push({ field: 'participantIds', reason: 'is empty; name at least one participant (ids separated by ;)' });
  }
  for (const id of listed ?? []) {
    if (id === initiatorId) {
      problems.push({ field: 'participantIds', reason: `${describeValue(id)} is the initiator; participants are the other actors` });
    } else if (participantIds.includes(id)) {
      problems.push({ field: 'participantIds', reason: `${describeValue(id)} is listed twice` });
    } else {
      participantIds.push(id);
      const unknown = unknownActor(id);
      if (unknown !== null) problems.push({ field: 'participantIds', reason: `${describeValue(id)} ${unknown}` });
    }
  }
  const weight = take('weight', optionalPositiveNumber(cells.weight));
  const note = take('note', optionalFreeText(cells.note));
  if (problems.length > 0 || externalId === null || kind === null || occurredAt === null || initiatorId === null) {
    return { input: null, problems };
  }
  return { input: { externalId, kind, occurredAt, initiatorId, participantIds, weight, note }, problems };
}

function isoDateTime(value: unknown): Checked<Date> {
  const text = requiredText(value);
  if (!text.ok) return text;
  try {
    return { ok: true, value: parseIsoDateTime(text.value, 'occurredAt') };
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, reason: `${describeValue(value)} ${error.reason}` };
    throw error;
  }
}

/** The ids a row names as initiator or participants, as written (for resolving them before the check). */
export function actorIdsOf(cells: Cells<InteractionField>): string[] {
  const ids: string[] = [];
  const initiator = requiredText(cells.initiatorId);
  if (initiator.ok) ids.push(initiator.value);
  const participants = textList(cells.participantIds);
  if (participants.ok) ids.push(...participants.value);
  return ids;
}

