/**
 * The view state lives in the URL's query string (view, step, range, scope, window,
 * actor), so any view can be shared or bookmarked and a browser test can open it directly.
 * Parsing never throws: an unknown value falls back to the default.
 */
import type { ActorKind, InteractionKind, ScopeInput, SeriesInput, Step } from '../generated/graphql';

export const VIEWS = ['story', 'map', 'actor', 'brokers', 'record', 'surveys', 'form'] as const;
export type View = (typeof VIEWS)[number];

export const STEPS: readonly Step[] = ['SCHOOL_YEAR', 'YEAR', 'QUARTER', 'MONTH', 'WEEK'];
export const ACTOR_KINDS: readonly ActorKind[] = ['FOUNDATION', 'INTERMEDIARY', 'SCHOOL', 'SUPPORT_PARTNER'];
export const INTERACTION_KINDS: readonly InteractionKind[] = [
  'CONVENING',
  'GRANT',
  'OTHER',
  'PEER_EXCHANGE',
  'SITE_VISIT',
  'TECHNICAL_ASSISTANCE',
  'VIRTUAL_SESSION',
];
export const COLOUR_BY = ['kind', 'network', 'community'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];
export const SIZE_BY = ['degree', 'betweenness', 'pagerank', 'closeness', 'eigenvector'] as const;
export type SizeBy = (typeof SIZE_BY)[number];

export interface ViewState {
  readonly view: View;
  readonly step: Step;
  /** First day of the series, YYYY-MM-DD (UTC). */
  readonly from: string;
  /** Day after the series, YYYY-MM-DD (UTC), excluded. */
  readonly to: string;
  /** Steps per window: 1 for consecutive windows, more for rolling ones. */
  readonly windowSize: number;
  readonly expanding: boolean;
  readonly actorKinds: readonly ActorKind[];
  readonly interactionKinds: readonly InteractionKind[];
  /** null: the API's default. */
  readonly coParticipationLimit: number | null;
  /** Start (YYYY-MM-DD) of the chosen window of the series; null: the last one. */
  readonly window: string | null;
  readonly actor: string | null;
  /** The survey open in the Surveys view; null: the list. */
  readonly survey: string | null;
  readonly colourBy: ColourBy;
  readonly sizeBy: SizeBy;
}

/** The demo network's school years 2018–19 to 2024–25; a deployment's own range goes in the URL. */
export const DEFAULT_STATE: ViewState = Object.freeze({
  view: 'story',
  step: 'SCHOOL_YEAR',
  from: '2018-08-01',
  to: '2025-08-01',
  windowSize: 1,
  expanding: false,
  actorKinds: [],
  interactionKinds: [],
  coParticipationLimit: null,
  window: null,
  actor: null,
  survey: null,
  colourBy: 'kind',
  sizeBy: 'degree',
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(text: string | null): text is string {
  return text !== null && DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

function oneOf<T extends string>(values: readonly T[], text: string | null, fallback: T): T {
  return text !== null && (values as readonly string[]).includes(text) ? (text as T) : fallback;
}

function listOf<T extends string>(values: readonly T[], text: string | null): T[] {
  if (!text) return [];
  const picked = new Set(text.split(',').filter((item): item is T => (values as readonly string[]).includes(item)));
  return values.filter((value) => picked.has(value));
}

function intIn(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const d = DEFAULT_STATE;
  let from = isDate(params.get('from')) ? params.get('from')! : d.from;
  let to = isDate(params.get('to')) ? params.get('to')! : d.to;
  if (from >= to) [from, to] = [d.from, d.to];
  const window = params.get('window');
  return {
    view: oneOf(VIEWS, params.get('view'), d.view),
    step: oneOf(STEPS, params.get('step'), d.step),
    from,
    to,
    windowSize: intIn(params.get('windowSize'), 1, 52) ?? d.windowSize,
    expanding: params.get('expanding') === 'true',
    actorKinds: listOf(ACTOR_KINDS, params.get('actorKinds')),
    interactionKinds: listOf(INTERACTION_KINDS, params.get('interactionKinds')),
    coParticipationLimit: intIn(params.get('coParticipationLimit'), 0, 100),
    window: isDate(window) ? window : null,
    actor: params.get('actor') || null,
    survey: params.get('survey') || null,
    colourBy: oneOf(COLOUR_BY, params.get('colourBy'), d.colourBy),
    sizeBy: oneOf(SIZE_BY, params.get('sizeBy'), d.sizeBy),
  };
}

/** The query string of a state, defaults left out, in a fixed order; '' for the default state. */
export function formatState(state: ViewState): string {
  const d = DEFAULT_STATE;
  const params = new URLSearchParams();
  if (state.view !== d.view) params.set('view', state.view);
  if (state.step !== d.step) params.set('step', state.step);
  if (state.from !== d.from) params.set('from', state.from);
  if (state.to !== d.to) params.set('to', state.to);
  if (state.windowSize !== d.windowSize) params.set('windowSize', String(state.windowSize));
  if (state.expanding) params.set('expanding', 'true');
  if (state.actorKinds.length > 0) params.set('actorKinds', state.actorKinds.join(','));
  if (state.interactionKinds.length > 0) params.set('interactionKinds', state.interactionKinds.join(','));
  if (state.coParticipationLimit !== null) params.set('coParticipationLimit', String(state.coParticipationLimit));
  if (state.window !== null) params.set('window', state.window);
  if (state.actor !== null) params.set('actor', state.actor);
  if (state.survey !== null) params.set('survey', state.survey);
  if (state.colourBy !== d.colourBy) params.set('colourBy', state.colourBy);
  if (state.sizeBy !== d.sizeBy) params.set('sizeBy', state.sizeBy);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The API's scope for a state; null when it selects everything. */
export function scopeOf(state: ViewState): ScopeInput | null {
  const scope: ScopeInput = {};
  if (state.actorKinds.length > 0) scope.actorKinds = [...state.actorKinds];
  if (state.interactionKinds.length > 0) scope.interactionKinds = [...state.interactionKinds];
  if (state.coParticipationLimit !== null) scope.coParticipationLimit = state.coParticipationLimit;
  return Object.keys(scope).length === 0 ? null : scope;
}

export function seriesOf(state: ViewState): SeriesInput {
  return { from: state.from, to: state.to, step: state.step, windowSize: state.windowSize, expanding: state.expanding };
}
