import { describeValue, InvalidInputError } from '../domain/errors';
import { occurrenceProblem, parseIsoDateTime } from '../domain/date-time';
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

/** The actor an id names now if it is the alias of a merged actor (mergeActors), else null. */
export type MergedActors = (id: string) => string | null;

/**
 * Checks one interaction row: `external_id` present (it is what makes re-imports
 * idempotent), `kind` one of the interaction kinds, `occurred_at` ISO 8601, initiator and
 * participants known actors (`unknownActor`), at least one participant, none of them the
 * initiator, none twice, `weight` a positive number when given. Every problem in the row
 * is reported. With `mergedInto`, the ids are also checked as the store will record them,
 * each alias of a merged actor replaced by the actor it names now: a participant other than the
 * initiator must then be left (the store drops repeats, and refuses the batch when none is left).
 * Duplicate external ids are the importer's business (they span rows).
 * These are the rules of the domain's validateInteractionInput, worded per column.
 */
export function checkInteractionRow(
  cells: Cells<InteractionField>,
  unknownActor: ActorCheck,
  mergedInto: MergedActors | null = null,
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
  if (mergedInto !== null && initiatorId !== null && participantIds.length > 0) {
    for (const problem of collapsedByMerges(initiatorId, participantIds, mergedInto)) problems.push(problem);
  }
  const weight = take('weight', optionalPositiveNumber(cells.weight));
  const note = take('note', storable(optionalFreeText(cells.note), 'note'));
  if (problems.length > 0 || externalId === null || kind === null || occurredAt === null || initiatorId === null) {
    return { input: null, problems };
  }
  return { input: { externalId, kind, occurredAt, initiatorId, participantIds, weight, note }, problems };
}

/**
 * The problem when, once aliases of merged actors are resolved, no participant is left but the
 * initiator: the store would refuse the batch, after earlier batches were written. A participant
 * that merely repeats another or the initiator once resolved is dropped by the store, as
 * recordInteractions does, so the row stands (an old file re-imported after a merge still imports).
 */
function collapsedByMerges(
  initiatorId: string,
  participantIds: readonly string[],
  mergedInto: MergedActors,
): { field: 'participantIds'; reason: string }[] {
  const initiator = mergedInto(initiatorId) ?? initiatorId;
  if (participantIds.some((id) => (mergedInto(id) ?? id) !== initiator)) return [];
  const note = mergedNote([initiatorId, ...participantIds], initiator, mergedInto);
  return [
    { field: 'participantIds', reason: `names only the initiator ${describeValue(initiator)} once merged actors are resolved (${note})` },
  ];
}

/** `"a" was merged into "t"`, or `"a" and "b" were merged into "t"`: those of `ids` that are aliases of `target`. */
function mergedNote(ids: readonly string[], target: string, mergedInto: MergedActors): string {
  const aliases = ids.filter((id) => mergedInto(id) !== null).map((id) => describeValue(id));
  return `${aliases.join(' and ')} ${aliases.length === 1 ? 'was' : 'were'} merged into ${describeValue(target)}`;
}

function isoDateTime(value: unknown): Checked<Date> {
  const fast = typeof value === 'string' ? canonicalInstant(value) : null;
  if (fast !== null) return occurrence(value, fast);
  const text = requiredText(value);
  if (!text.ok) return text;
  try {
    return occurrence(value, parseIsoDateTime(text.value, 'occurredAt'));
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, reason: `${describeValue(value)} ${error.reason}` };
    throw error;
  }
}

/** The instant, unless an interaction cannot occur at it (occurrenceProblem). */
function occurrence(value: unknown, date: Date): Checked<Date> {
  const problem = occurrenceProblem(date);
  return problem === null ? { ok: true, value: date } : { ok: false, reason: `${describeValue(value)} ${problem}` };
}

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * The instant of `YYYY-MM-DDTHH:MM:SS.sssZ` (what toISOString writes, and most exports), read
 * without parseIsoDateTime's regular expression and string splitting; null for any other form
 * or a value out of range, which then takes the full parse (and its error messages). Gives what
 * parseIsoDateTime gives for the same text (test/import/row-checks.test.ts).
 */
function canonicalInstant(text: string): Date | null {
  if (text.length !== 24 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return null;
  for (const at of DIGIT_AT) {
    const c = text.charCodeAt(at);
    if (c < 48 || c > 57) return null;
  }
  const part = (from: number, to: number): number => {
    let n = 0;
    for (let at = from; at < to; at++) n = n * 10 + text.charCodeAt(at) - 48;
    return n;
  };
  const year = part(0, 4);
  const month = part(5, 7);
  const day = part(8, 10);
  const hour = part(11, 13);
  const minute = part(14, 16);
  const second = part(17, 19);
  // Years before 1900 are refused by the full parse (Date.UTC would also read 0–99 as 19xx).
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, part(20, 23)));
  // A day past the month's end rolls over: leave it to the full parse to refuse.
  return date.getUTCDate() === day ? date : null;
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
