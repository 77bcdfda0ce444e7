/**
 * The record-interaction form's logic: what the staffer typed → the API's InteractionInput,
 * with a message per field for what can be told before sending; and the API's
 * BAD_USER_INPUT errors mapped back to the field they name (e.g. `interactions[0].weight`).
 */
import type { InteractionInput, InteractionKind } from '../generated/graphql';
import type { ApiErrorEntry } from '../api/client';

export const FORM_FIELDS = ['kind', 'occurredAt', 'initiatorId', 'participantIds', 'weight', 'note'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldErrors = Partial<Record<FormField, string>>;

export interface FormValues {
  readonly kind: InteractionKind | '';
  /** YYYY-MM-DD from a date input. */
  readonly date: string;
  /** HH:MM from a time input; '' for 09:00. */
  readonly time: string;
  readonly initiatorId: string;
  readonly participantIds: readonly string[];
  /** As typed; '' for the default weight 1. */
  readonly weight: string;
  readonly note: string;
}

export type Checked = { ok: true; input: InteractionInput } | { ok: false; errors: FieldErrors };

export function checkForm(values: FormValues): Checked {
  const errors: FieldErrors = {};
  if (values.kind === '') errors.kind = 'Choose the kind of interaction.';
  const time = values.time === '' ? '09:00' : values.time;
  const occurredAt = `${values.date}T${time}:00Z`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !/^\d{2}:\d{2}$/.test(time) || Number.isNaN(Date.parse(occurredAt))) {
    errors.occurredAt = 'Give the date it happened (YYYY-MM-DD).';
  }
  if (values.initiatorId.trim() === '') errors.initiatorId = 'Choose who convened, reached out or visited.';
  if (values.participantIds.length === 0) errors.participantIds = 'Add at least one other participant.';
  else if (values.participantIds.includes(values.initiatorId)) errors.participantIds = 'The initiator is not also a participant.';
  let weight: number | undefined;
  if (values.weight.trim() !== '') {
    weight = Number(values.weight);
    if (!Number.isFinite(weight) || weight <= 0) errors.weight = `${values.weight.trim()} is not a positive number.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: InteractionInput = {
    kind: values.kind as InteractionKind,
    occurredAt,
    initiatorId: values.initiatorId.trim(),
    participantIds: [...values.participantIds],
  };
  if (weight !== undefined) input.weight = weight;
  if (values.note.trim() !== '') input.note = values.note.trim();
  return { ok: true, input };
}

/** The form field an API error's `field` path names, e.g. `interactions[0].participantIds[1]` → participantIds. */
export function formFieldOf(path: string | undefined): FormField | null {
  if (!path) return null;
  const last = path
    .split('.')
    .map((part) => part.replace(/\[\d+\]$/, ''))
    .reverse();
  for (const part of last) {
    if (part === 'occurredAt') return 'occurredAt';
    if ((FORM_FIELDS as readonly string[]).includes(part)) return part as FormField;
  }
  return null;
}

/** BAD_USER_INPUT errors by form field; those naming no field of the form go under `null`. */
export function errorsByField(errors: readonly ApiErrorEntry[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const error of errors) {
    const field = error.extensions?.code === 'BAD_USER_INPUT' ? formFieldOf(error.extensions.field) : null;
    if (field === null) other.push(error.message);
    else fields[field] = fields[field] ? `${fields[field]} ${error.message}` : error.message;
  }
  return { fields, other };
}
