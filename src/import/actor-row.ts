import { ACTOR_KINDS, type ActorInput } from '../domain/actor';
import { describeValue } from '../domain/errors';
import { enumValue, MAX_TAGS, optionalText, requiredText, storable, storableList, textList } from './cell-values';
import type { ActorField, Cells } from './import-format';
import { fieldProblems, type RowCheck } from './row-check';

/**
 * Checks one actor row on its own: `id`, `name` and `kind` present, `kind` one of the
 * actor kinds, `tags` a list, `affiliation_id` not the actor itself. Every problem in the
 * row is reported, not only the first. Whether the affiliation names a known actor, and
 * whether the id repeats, depend on the rest of the data: the importer checks those.
 */
export function checkActorRow(cells: Cells<ActorField>): RowCheck<ActorInput, ActorField> {
  const { problems, take } = fieldProblems<ActorField>();
  const id = take('id', storable(requiredText(cells.id), 'id'));
  const name = take('name', storable(requiredText(cells.name), 'name'));
  const kind = take('kind', enumValue(cells.kind, ACTOR_KINDS));
  const region = take('region', storable(optionalText(cells.region), 'region'));
  const tags = take('tags', storableList(textList(cells.tags), 'tag', MAX_TAGS));
  const affiliationId = take('affiliationId', storable(optionalText(cells.affiliationId), 'id'));
  if (id !== null && affiliationId === id) {
    problems.push({ field: 'affiliationId', reason: `${describeValue(affiliationId)} is the actor itself` });
  }
  if (problems.length > 0 || id === null || name === null || kind === null || tags === null) return { input: null, problems };
  return { input: { id, name, kind, region, tags: [...new Set(tags)], affiliationId }, problems };
}
