import { ACTOR_KINDS } from '../../domain/actor';
import { INTERACTION_KINDS } from '../../domain/interaction';
import { esc } from '../html';
import type { ReportData } from '../report-data';

const STEP_NAMES = { WEEK: 'weeks', MONTH: 'months', QUARTER: 'quarters', SCHOOL_YEAR: 'school years', YEAR: 'years' } as const;

/** The title, the period and the scope. */
export function headerSection(data: ReportData): string {
  const first = data.windows[0]?.label ?? '';
  const last = data.windows[data.windows.length - 1]?.label ?? '';
  const span = first === last ? first : `${first} to ${last}`;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `<header>
<h1>${esc(data.title)}</h1>
<p class="period">Period: <strong>${esc(span)}</strong>, ${data.windows.length} ${STEP_NAMES[data.step]} (${day(data.from)} to ${day(new Date(data.to.getTime() - 1))}).</p>
<p class="scope">Scope: ${esc(scopeText(data.scope))}.</p>
</header>`;
}

export function scopeText(scope: ReportData['scope']): string {
  const kinds = (chosen: readonly string[] | null, all: readonly string[], noun: string) =>
    chosen === null || chosen.length === all.length ? `every ${noun}` : `${noun}s ${chosen.join(', ')}`;
  const coParticipation =
    scope.coParticipationLimit === 0
      ? 'no co-participation ties'
      : `co-participants tied in interactions of at most ${scope.coParticipationLimit} participants`;
  return `${kinds(scope.actorKinds, ACTOR_KINDS, 'actor kind')}; ${kinds(scope.interactionKinds, INTERACTION_KINDS, 'interaction kind')}; ${coParticipation}`;
}
