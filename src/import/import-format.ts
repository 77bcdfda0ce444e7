/**
 * The import file formats, documented in the README ("Import"):
 *
 * CSV, one file per table, with a header row (UTF-8, with or without a BOM; LF or CRLF):
 *   actors:        id,name,kind,region,tags,affiliation_id           (tags separated by ;)
 *   interactions:  external_id,kind,occurred_at,initiator_id,participant_ids,weight,note
 *                  (participant ids separated by ;)
 * Column order is free and names are matched case-insensitively; other columns are ignored.
 *
 * JSON, one document `{ "actors": [...], "interactions": [...] }` whose objects use the
 * GraphQL input field names (id, name, kind, region, tags, affiliationId; externalId, kind,
 * occurredAt, initiatorId, participantIds, weight, note). Lists may be arrays or ;-separated.
 */

export type ImportFormat = 'csv' | 'json';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'json'];

export type ActorField = 'id' | 'name' | 'kind' | 'region' | 'tags' | 'affiliationId';
export type InteractionField = 'externalId' | 'kind' | 'occurredAt' | 'initiatorId' | 'participantIds' | 'weight' | 'note';

/** CSV column of each field, in the documented order. */
export const ACTOR_CSV_COLUMNS: Readonly<Record<ActorField, string>> = {
  id: 'id',
  name: 'name',
  kind: 'kind',
  region: 'region',
  tags: 'tags',
  affiliationId: 'affiliation_id',
};

export const INTERACTION_CSV_COLUMNS: Readonly<Record<InteractionField, string>> = {
  externalId: 'external_id',
  kind: 'kind',
  occurredAt: 'occurred_at',
  initiatorId: 'initiator_id',
  participantIds: 'participant_ids',
  weight: 'weight',
  note: 'note',
};

/** Fields a file must have a column for; the others may be left out. */
export const REQUIRED_ACTOR_FIELDS: readonly ActorField[] = ['id', 'name', 'kind'];
export const REQUIRED_INTERACTION_FIELDS: readonly InteractionField[] = [
  'externalId',
  'kind',
  'occurredAt',
  'initiatorId',
  'participantIds',
];

/** Separates the ids in `participant_ids` and the tags in `tags`. */
export const LIST_SEPARATOR = ';';

/** One imported row's values by field: strings from CSV, any JSON value from JSON; undefined when absent. */
export type Cells<F extends string> = { readonly [K in F]: unknown };
