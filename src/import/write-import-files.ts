import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { ActorInput } from '../domain/actor';
import type { InteractionInput } from '../domain/interaction';
import { ACTOR_CSV_COLUMNS, INTERACTION_CSV_COLUMNS, LIST_SEPARATOR } from './import-format';

/**
 * Writes data in the import formats (import-format.ts), for the demo files, the examples
 * and the import benchmark: CSV through csv-stringify (quoting what needs quoting), one
 * row at a time with back-pressure so a million rows never sit in memory; JSON whole.
 */

export function actorCsvRecord(actor: ActorInput): string[] {
  return [actor.id, actor.name, actor.kind, actor.region ?? '', (actor.tags ?? []).join(LIST_SEPARATOR), actor.affiliationId ?? ''];
}

export function interactionCsvRecord(interaction: InteractionInput): string[] {
  const occurredAt = interaction.occurredAt instanceof Date ? interaction.occurredAt.toISOString() : interaction.occurredAt;
  return [
    interaction.externalId ?? '',
    interaction.kind,
    occurredAt,
    interaction.initiatorId,
    interaction.participantIds.join(LIST_SEPARATOR),
    interaction.weight === null || interaction.weight === undefined ? '' : String(interaction.weight),
    interaction.note ?? '',
  ];
}

export const ACTOR_CSV_HEADER: readonly string[] = Object.values(ACTOR_CSV_COLUMNS);
export const INTERACTION_CSV_HEADER: readonly string[] = Object.values(INTERACTION_CSV_COLUMNS);

/** Writes a CSV file: the header, then each record. */
export async function writeCsvFile(path: string, header: readonly string[], records: Iterable<readonly string[]>): Promise<void> {
  const file = createWriteStream(path);
  const csv = stringify({ header: false });
  csv.pipe(file);
  const done = once(file, 'finish');
  const write = async (record: readonly string[]): Promise<void> => {
    if (!csv.write(record)) await once(csv, 'drain');
  };
  await write(header);
  for (const record of records) await write(record);
  csv.end();
  await done;
}

export async function writeActorsCsv(path: string, actors: Iterable<ActorInput>): Promise<void> {
  await writeCsvFile(path, ACTOR_CSV_HEADER, map(actors, actorCsvRecord));
}

export async function writeInteractionsCsv(path: string, interactions: Iterable<InteractionInput>): Promise<void> {
  await writeCsvFile(path, INTERACTION_CSV_HEADER, map(interactions, interactionCsvRecord));
}

/** The JSON import document, pretty-printed. */
export function importDocumentJson(actors: readonly ActorInput[], interactions: readonly InteractionInput[]): string {
  return `${JSON.stringify({ actors, interactions }, null, 2)}\n`;
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Iterable<U> {
  for (const item of items) yield f(item);
}
