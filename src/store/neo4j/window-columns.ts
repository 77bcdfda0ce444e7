import { INTERACTION_KINDS, type InteractionKind } from '../../domain/interaction';
import type { InteractionSink } from '../store';
import { interactionFromRow } from './conversions';

/** A record of read-window-columns.cypher: its fields by place (a neo4j Record has this shape). */
export interface ColumnRecord {
  get(key: number | string): unknown;
}

/** The largest |epoch ms| a JS Date holds. */
const MAX_DATE_MS = 8.64e15;

/**
 * Appends one read-window-columns record (occurredAt, kind, weight, initiatorId, participants, id)
 * to `sink`. The usual record (a float instant, a known kind, a float weight, string ids) goes
 * straight in; any other takes interactionFromRow, which streamWindow uses, so a hand-edited value
 * gets the same conversion or the same error naming the node and property.
 */
export function appendColumnRecord(record: ColumnRecord, sink: InteractionSink): void {
  const at = record.get(0);
  const kind = record.get(1);
  const weight = record.get(2);
  const initiatorId = record.get(3);
  const participants = record.get(4);
  const id = record.get(5);
  if (
    typeof at === 'number' &&
    Math.abs(at) <= MAX_DATE_MS &&
    typeof weight === 'number' &&
    typeof initiatorId === 'string' &&
    typeof id === 'string' &&
    isKind(kind) &&
    isStringList(participants)
  ) {
    sink.append(at, kind, weight, initiatorId, participants, id);
    return;
  }
  const interaction = interactionFromRow({ get: (key) => (key === 'externalId' || key === 'note' ? null : record.get(key)) });
  sink.append(
    interaction.occurredAt.getTime(),
    interaction.kind,
    interaction.weight,
    interaction.initiatorId,
    interaction.participantIds,
    interaction.id,
  );
}

function isKind(value: unknown): value is InteractionKind {
  return (INTERACTION_KINDS as readonly unknown[]).includes(value);
}

function isStringList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}
