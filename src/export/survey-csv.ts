/**
 * The survey CSV files (issue 23), formula-safe like every CSV (csv.ts: neutralizeFormula);
 * UTF-8, LF line ends, an empty cell for a missing value, `true`/`false` for yes-or-no cells:
 * - links: actor_id, actor_name, url — one row per roster actor;
 * - scores: actor_id, actor_name, kind, responded, raters, trust_received, value_received, then
 *   the item means reliability, openness, shared_mission, influence, resources, involvement;
 * - ratings (admins): respondent_id, respondent_name, partner_id, partner_name, worked_together,
 *   the six items, submitted_at (ISO 8601 UTC) — one row per stored answer.
 */
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../domain/actor';
import { RATING_ITEMS, type StoredRating } from '../domain/survey';
import type { ActorScores } from '../metrics/survey/survey-scores';
import type { CellValue } from './columns';
import { neutralizeFormula } from './csv';

const ITEM_COLUMNS = ['reliability', 'openness', 'shared_mission', 'influence', 'resources', 'involvement'] as const;

export const LINK_COLUMNS = ['actor_id', 'actor_name', 'url'] as const;
export const SCORE_COLUMNS = [
  'actor_id',
  'actor_name',
  'kind',
  'responded',
  'raters',
  'trust_received',
  'value_received',
  ...ITEM_COLUMNS,
] as const;
export const RATING_COLUMNS = [
  'respondent_id',
  'respondent_name',
  'partner_id',
  'partner_name',
  'worked_together',
  ...ITEM_COLUMNS,
  'submitted_at',
] as const;

export function surveyLinksCsv(links: readonly { readonly actor: Actor; readonly url: string }[]): string {
  return csv(
    LINK_COLUMNS,
    links.map(({ actor, url }) => [actor.id, actor.name, url]),
  );
}

/** One row per actor (its scores as the caller may see them: the privacy rule is applied before). */
export function surveyScoresCsv(actors: readonly (ActorScores & { readonly actor: Actor })[]): string {
  return csv(
    SCORE_COLUMNS,
    actors.map((a) => [
      a.actor.id,
      a.actor.name,
      a.actor.kind,
      String(a.responded),
      a.raters,
      a.trustReceived,
      a.valueReceived,
      ...RATING_ITEMS.map((item) => a.itemMeans[item]),
    ]),
  );
}

export function surveyRatingsCsv(ratings: readonly StoredRating[], actors: ReadonlyMap<string, Actor>): string {
  return csv(
    RATING_COLUMNS,
    ratings.map((r) => [
      r.respondentId,
      actors.get(r.respondentId)?.name ?? null,
      r.partnerId,
      actors.get(r.partnerId)?.name ?? null,
      String(r.workedTogether),
      ...RATING_ITEMS.map((item) => r[item]),
      r.submittedAt.toISOString(),
    ]),
  );
}

function csv(header: readonly string[], rows: readonly CellValue[][]): string {
  return stringify([header, ...rows.map((row) => row.map((cell) => neutralizeFormula(cell ?? '')))]);
}
