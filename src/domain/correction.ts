import { InvalidInputError } from './errors';
import { checkBatchSize } from './batch-size';
import { checkText } from './text-rules';
import { validateInteractionInput, type Interaction, type InteractionInput } from './interaction';

/** The fields of an interaction a correction may change; absent fields keep their value. */
export interface InteractionPatch {
  /** An InteractionKind, or any string a client sent (validated like a new interaction's kind). */
  readonly kind?: string | null;
  readonly occurredAt?: Date | string | null;
  readonly initiatorId?: string | null;
  readonly participantIds?: readonly string[] | null;
  readonly weight?: number | null;
  /** null or '' clears the note; absent keeps it. */
  readonly note?: string | null;
}

/**
 * The interaction after a correction, validated like a new one (fields named `patch.…`).
 * It keeps its id and externalId. A patch that changes nothing is refused, so every
 * update in the audit log is a real change.
 */
export function applyInteractionPatch(current: Interaction, patch: InteractionPatch, path = 'patch'): Interaction {
  const input: InteractionInput = {
    externalId: current.externalId,
    kind: patch.kind ?? current.kind,
    occurredAt: patch.occurredAt ?? current.occurredAt,
    initiatorId: patch.initiatorId ?? current.initiatorId,
    participantIds: patch.participantIds ?? current.participantIds,
    weight: patch.weight ?? current.weight,
    note: 'note' in patch ? patch.note : current.note,
  };
  const updated = validateInteractionInput(input, path, () => current.id);
  if (samePayload(updated, current)) throw new InvalidInputError(path, patch, 'changes nothing');
  return updated;
}

/** Whether two interactions hold the same data, ids aside (what re-sending an externalId compares). */
export function samePayload(a: Interaction, b: Interaction): boolean {
  return (
    a.externalId === b.externalId &&
    a.kind === b.kind &&
    a.occurredAt.getTime() === b.occurredAt.getTime() &&
    a.initiatorId === b.initiatorId &&
    a.participantIds.length === b.participantIds.length &&
    a.participantIds.every((id, i) => id === b.participantIds[i]) &&
    a.weight === b.weight &&
    a.note === b.note
  );
}

/** An interaction as the audit log keeps it: plain JSON values. */
export function interactionRecord(interaction: Interaction): Record<string, unknown> {
  return {
    id: interaction.id,
    externalId: interaction.externalId,
    kind: interaction.kind,
    occurredAt: interaction.occurredAt.toISOString(),
    initiatorId: interaction.initiatorId,
    participantIds: [...interaction.participantIds],
    weight: interaction.weight,
    note: interaction.note,
  };
}

/** Validates the reason a deletion gives: required, so the log says why. */
export function validateReason(value: unknown, field = 'reason'): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidInputError(field, value, 'must say why (a non-empty string)');
  return checkText(value.trim(), 'note', field);
}

/** A list of ids for a batch correction: at least one, none twice. */
export function validateIdList(ids: readonly unknown[], field = 'ids'): string[] {
  if (!Array.isArray(ids) || ids.length === 0) throw new InvalidInputError(field, ids, 'must name at least one id');
  checkBatchSize(ids, field);
  const seen = new Set<string>();
  return ids.map((raw, i) => {
    if (typeof raw !== 'string' || raw.trim() === '') throw new InvalidInputError(`${field}[${i}]`, raw, 'must be a non-empty string');
    const id = checkText(raw.trim(), 'id', `${field}[${i}]`);
    if (seen.has(id)) throw new InvalidInputError(`${field}[${i}]`, id, 'is listed twice');
    seen.add(id);
    return id;
  });
}
