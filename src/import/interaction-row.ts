import { describeValue, InvalidInputError } from '../domain/errors';
import { parseIsoDateTime } from '../domain/date-time';
import { MAX_PARTICIPANTS } from '../domain/text-rules';
import { DEFAULT_INTERACTION_WEIGHT, INTERACTION_KINDS, type Interaction, type InteractionKind } from '../domain/interaction';
import {
  enumValue,
  optionalFreeText,
  optionalPositiveNumber,
  requiredText,
  storable,
  storableList,
  textList,
  type Checked,
} from './cell-values';
import type { Cells, InteractionField } from './import-format';
import { fieldProblems, type RowCheck } from './row-check';

/**
 * A row that passed every check: an interaction's fields but its id, the date parsed, the
 * kind upper-cased, weight null when blank (the default applies).
 */
export interface CheckedInteraction {
  readonly externalId: string;
  readonly kind: InteractionKind;
  readonly occurredAt: Date;
  readonly initiatorId: string;
  readonly participantIds: string[];
  readonly weight: number | null;
  readonly note: string | null;
}

/** Why an actor id cannot be used, worded to follow the id; null when the actor is known. */
export type ActorCheck = (id: string) => string | null;

/**
 * Checks one interaction row: `external_id` present (it is what makes re-imports
 * idempotent), `kind` one of the interaction kinds, `occurred_at` ISO 8601, initiator and
 * participants known actors (`unknownActor`), at least one participant, none of them the
 * initiator, none twice, `weight` a positive number when given. Every problem in the row
 * is reported. Duplicate external ids are the importer's business (they span rows).
 * These are the rules of the domain's validateInteractionInput, worded per column.
 */
export function checkInteractionRow(
  cells: Cells<InteractionField>,
  unknownActor: ActorCheck,
): RowCheck<CheckedInteraction, InteractionField> {
  const { problems, take } = fieldProblems<InteractionField>();
  const externalId = take('externalId', storable(requiredText(cells.externalId), 'externalId'));
  const kind = take('kind', enumValue(cells.kind, INTERACTION_KINDS));
  const occurredAt = take('occurredAt', isoDateTime(cells.occurredAt));
  const initiatorId = take('initiatorId', storable(requiredText(cells.initiatorId), 'id'));
  if (initiatorId !== null) {
    const unknown = unknownActor(initiatorId);
    if (unknown !== null) problems.push({ field: 'initiatorId', reason: `${describeValue(initiatorId)} ${unknown}` });
  }
  const listed = take('participantIds', storableList(textList(cells.participantIds), 'id', MAX_PARTICIPANTS, 'participants'));
  const participantIds: string[] = [];
  const seen = new Set<string>();
  if (listed !== null && listed.length === 0) {
    problems.push({ field: 'participantIds', reason: 'is empty; name at least one participant (ids separated by ;)' });
  }
  for (const id of listed ?? []) {
    if (id === initiatorId) {
      problems.push({ field: 'participantIds', reason: `${describeValue(id)} is the initiator; participants are the other actors` });
    } else if (seen.has(id)) {
      problems.push({ field: 'participantIds', reason: `${describeValue(id)} is listed twice` });
    } else {
      seen.add(id);
      participantIds.push(id);
      const unknown = unknownActor(id);
      if (unknown !== null) problems.push({ field: 'participantIds', reason: `${describeValue(id)} ${unknown}` });
    }
  }
  const weight = take('weight', optionalPositiveNumber(cells.weight));
  const note = take('note', storable(optionalFreeText(cells.note), 'note'));
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

/**
 * The interaction a checked row records. It is built here rather than by the domain's
 * validateInteractionInput because checkInteractionRow has applied the same rules, and
 * validating again would build a short-lived field-path string for every field of every row.
 */
export function interactionOf(row: CheckedInteraction, id: string): Interaction {
  const { externalId, kind, occurredAt, initiatorId, participantIds, weight, note } = row;
  return { id, externalId, kind, occurredAt, initiatorId, participantIds, weight: weight ?? DEFAULT_INTERACTION_WEIGHT, note };
}
