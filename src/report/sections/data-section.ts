import { ACTOR_KINDS } from '../../domain/actor';
import { INTERACTION_KINDS } from '../../domain/interaction';
import { count, esc, table } from '../html';
import { KIND_NAMES } from '../palette';
import type { ReportData } from '../report-data';

/** Marks the one line that differs between two reports of the same data. */
export const MADE_AT_CLASS = 'made-at';

/** The data behind the report: windows, actors and interactions by kind, the store revision and copnet version, when it was made. */
export function dataSection(data: ReportData): string {
  const actors = ACTOR_KINDS.map((kind) => [esc(KIND_NAMES[kind]), count(data.actorsByKind[kind])]);
  const actorTotal = ACTOR_KINDS.reduce((sum, kind) => sum + data.actorsByKind[kind], 0);
  const interactions = INTERACTION_KINDS.map((kind) => [esc(kind), count(data.interactionsByKind[kind])]);
  const interactionTotal = INTERACTION_KINDS.reduce((sum, kind) => sum + data.interactionsByKind[kind], 0);
  const windows = data.windows.map((w, i) => [
    esc(w.label),
    `${w.from.toISOString().slice(0, 10)} to ${new Date(w.to.getTime() - 1).toISOString().slice(0, 10)}`,
    count(data.figures[i]!.actorCount),
    count(data.figures[i]!.tieCount),
    count(data.figures[i]!.interactionCount),
  ]);
  return `<section aria-labelledby="data-title">
<h2 id="data-title">The data behind it</h2>
<div class="columns">
${table('Actors with a tie in at least one window, by kind', ['Kind', 'Actors'], [...actors, ['Total', count(actorTotal)]])}
${table('Interactions recorded in the period and scope, by kind', ['Kind', 'Interactions'], [...interactions, ['Total', count(interactionTotal)]])}
</div>
${table('The windows', ['Window', 'Dates', 'Actors', 'Ties', 'Interactions'], windows, 'windows')}
<p class="provenance">Store revision ${data.storeRevision}; copnet ${esc(data.copnetVersion)}.</p>
<p class="${MADE_AT_CLASS}">Made at <time datetime="${data.madeAt.toISOString()}">${data.madeAt.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>.</p>
</section>`;
}
