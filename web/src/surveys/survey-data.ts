/**
 * The Surveys view's logic apart from React: figures in words with their coverage band,
 * the actors table's sorting, each logged tie's trust in both directions, the trend rows,
 * and the open-a-survey form's checks. Pure, so Vitest checks it.
 */
import type { ActorKind, Coverage, OpenSurveyInput, SurveyAnswersQuery, SurveyResultsQuery } from '../generated/graphql';

export type SurveyResults = NonNullable<SurveyResultsQuery['survey']>;
export type ActorScores = SurveyResults['actors'][number];
export type Response = NonNullable<SurveyAnswersQuery['survey']>['responses'][number];

/** The coverage bands of the API (responseRate ≥ 0.8, ≥ 0.65, below), in words. */
export const COVERAGE_WORDS: Readonly<Record<Coverage, string>> = {
  HIGH: 'high coverage',
  DIRECTIONAL: 'directional',
  CAUTION: 'caution',
};

export const COVERAGE_MEANING: Readonly<Record<Coverage, string>> = {
  HIGH: 'at least 80% of the roster responded: the figures describe the network',
  DIRECTIONAL: '65–80% of the roster responded: read the figures as a direction, not a measurement',
  CAUTION: 'fewer than 65% of the roster responded: the figures may not describe the network',
};

/** "(coverage: caution)": stated beside every survey figure. */
export function coverageTag(coverage: Coverage): string {
  return `(coverage: ${COVERAGE_WORDS[coverage]})`;
}

export function formatPercent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** A 1–4 score to two decimals; null (no score) as a dash. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

/** "45.0% (9 of 20)". */
export function responseRateText(survey: { responseRate: number; respondentCount: number; rosterSize: number }): string {
  return `${formatPercent(survey.responseRate)} (${survey.respondentCount} of ${survey.rosterSize})`;
}

/** A window [from, to) shown with its last day: "2024-08-01 – 2025-07-31". */
export function windowText(window: { from: string; to: string }): string {
  const last = new Date(Date.parse(window.to) - 86_400_000).toISOString().slice(0, 10);
  return `${window.from.slice(0, 10)} – ${last}`;
}

export const ACTOR_COLUMNS = ['name', 'raters', 'trust', 'value'] as const;
export type ActorColumn = (typeof ACTOR_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

function columnValue(row: ActorScores, column: ActorColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.actor.name;
    case 'raters':
      return row.raters;
    case 'trust':
      return row.trustReceived;
    case 'value':
      return row.valueReceived;
  }
}

/** The actors sorted by a column; actors with no score last either way; ties by name, then id. */
export function sortActors(rows: readonly ActorScores[], column: ActorColumn, direction: SortDirection): ActorScores[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = columnValue(a, column);
    const y = columnValue(b, column);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (order !== 0) return sign * order;
    }
    return a.actor.name.localeCompare(b.actor.name) || (a.actor.id < b.actor.id ? -1 : a.actor.id > b.actor.id ? 1 : 0);
  });
}

/** The direction a column sorts first: names A–Z, figures highest first. */
export function firstDirection(column: ActorColumn): SortDirection {
  return column === 'name' ? 'ascending' : 'descending';
}

function mean(values: readonly (number | null)[]): number | null {
  const answered = values.filter((v): v is number => v !== null);
  return answered.length === 0 ? null : answered.reduce((sum, v) => sum + v, 0) / answered.length;
}

/** trust(A→B) as the API defines it: the mean of A's answered trust items for B, when they worked together. */
export function trustOf(response: Pick<Response, 'workedTogether' | 'reliability' | 'openness' | 'sharedMission'>): number | null {
  return response.workedTogether ? mean([response.reliability, response.openness, response.sharedMission]) : null;
}

export interface TieTrust {
  readonly a: string;
  readonly b: string;
  readonly interactions: number;
  /** trust(a→b), trust(b→a): null when that end gave none. */
  readonly trustAB: number | null;
  readonly trustBA: number | null;
  /** The mean of the trust each end gave the other (one end's when only one did); null when neither. */
  readonly mutual: number | null;
}

/**
 * The window's logged ties with both ends on the roster, each with the trust its ends gave
 * each other: highest mutual trust first, unrated ties last (then by ids).
 */
export function tieTrust(
  edges: readonly { source: string; target: string; interactions: number }[],
  responses: readonly Response[],
  rosterIds: ReadonlySet<string>,
): TieTrust[] {
  const given = new Map<string, number | null>();
  for (const r of responses) given.set(`${r.respondent.id}\u0000${r.partner.id}`, trustOf(r));
  return edges
    .filter((e) => e.source !== e.target && rosterIds.has(e.source) && rosterIds.has(e.target))
    .map((e) => {
      const [a, b] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
      const trustAB = given.get(`${a}\u0000${b}`) ?? null;
      const trustBA = given.get(`${b}\u0000${a}`) ?? null;
      return { a, b, interactions: e.interactions, trustAB, trustBA, mutual: mean([trustAB, trustBA]) };
    })
    .sort((x, y) => {
      if (x.mutual === null || y.mutual === null) {
        if (x.mutual !== y.mutual) return x.mutual === null ? 1 : -1;
      } else if (x.mutual !== y.mutual) return y.mutual - x.mutual;
      return x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
    });
}

/** Bands of mutual trust for the map's tie colours (the legend names each). */
export const TRUST_BANDS = [
  { label: 'high trust (3 or more)', colour: '#0072B2', min: 3 },
  { label: 'middling trust (2 to under 3)', colour: '#E69F00', min: 2 },
  { label: 'low trust (under 2)', colour: '#D55E00', min: 1 },
] as const;
export const UNRATED_COLOUR = '#C8C8C8';
/** Pairs a respondent said it worked with that no interaction of the window ties. */
export const UNLOGGED_COLOUR = '#CC79A7';

export function trustColour(mutual: number | null): string {
  if (mutual === null) return UNRATED_COLOUR;
  return TRUST_BANDS.find((band) => mutual >= band.min)?.colour ?? TRUST_BANDS[2].colour;
}

/** The school year (1 August – 31 July) holding `today`, as the form's first and last day. */
export function currentSchoolYear(today: Date): { from: string; last: string } {
  const year = today.getUTCFullYear();
  const start = today.getUTCMonth() >= 7 ? year : year - 1;
  return { from: `${start}-08-01`, last: `${start + 1}-07-31` };
}

export interface OpenSurveyValues {
  readonly name: string;
  /** First day, YYYY-MM-DD. */
  readonly from: string;
  /** Last day (included), YYYY-MM-DD. */
  readonly last: string;
  readonly rosterKinds: readonly ActorKind[];
  /** YYYY-MM-DDTHH:MM (UTC) from a datetime-local input; '' for none. */
  readonly closesAt: string;
}

export type OpenSurveyField = 'name' | 'window' | 'rosterKinds' | 'closesAt';
export type OpenSurveyErrors = Partial<Record<OpenSurveyField, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(text: string): boolean {
  return DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/** The form's values → OpenSurveyInput (window half-open: the day after the last day is `to`), or a message per field. */
export function checkOpenSurvey(values: OpenSurveyValues): { ok: true; input: OpenSurveyInput } | { ok: false; errors: OpenSurveyErrors } {
  const errors: OpenSurveyErrors = {};
  if (values.name.trim() === '') errors.name = 'Give the survey a name, e.g. "Partner survey 2024–25".';
  if (!validDay(values.from) || !validDay(values.last)) errors.window = 'Give the first and the last day of the window (YYYY-MM-DD).';
  else if (values.last < values.from) errors.window = `The last day ${values.last} is before the first day ${values.from}.`;
  if (values.rosterKinds.length === 0) errors.rosterKinds = 'Tick at least one kind of actor to send the survey to.';
  let closesAt: string | undefined;
  if (values.closesAt.trim() !== '') {
    const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.closesAt) ? `${values.closesAt}:00Z` : values.closesAt;
    if (Number.isNaN(Date.parse(text))) errors.closesAt = `${values.closesAt} is not a date and time.`;
    else closesAt = new Date(text).toISOString();
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const to = new Date(Date.parse(`${values.last}T00:00:00Z`) + 86_400_000).toISOString();
  const input: OpenSurveyInput = {
    name: values.name.trim(),
    window: { from: `${values.from}T00:00:00.000Z`, to },
    rosterKinds: [...values.rosterKinds],
  };
  if (closesAt !== undefined) input.closesAt = closesAt;
  return { ok: true, input };
}

/** An API error's field path (e.g. `input.window.to`) → the form's field; null when it names none. */
export function openSurveyFieldOf(path: string | undefined): OpenSurveyField | null {
  if (!path) return null;
  if (/(^|\.)window(\.|$)/.test(path)) return 'window';
  if (/rosterKinds|rosterIds|roster/.test(path)) return 'rosterKinds';
  if (/closesAt/.test(path)) return 'closesAt';
  if (/(^|\.)name$/.test(path)) return 'name';
  return null;
}

export interface TrendSurvey {
  readonly id: string;
  readonly name: string;
  readonly window: { from: string; to: string };
  readonly responseRate: number;
  readonly coverage: Coverage;
  readonly networkTrust: number | null;
  readonly networkValue: number | null;
}

/** One row per survey, in the API's order (by window): the table beside the trend chart. */
export function trendTable(surveys: readonly TrendSurvey[]): { columns: string[]; rows: string[][] } {
  return {
    columns: ['Survey', 'Window', 'Network trust (1–4)', 'Network value (1–4)', 'Response rate', 'Coverage'],
    rows: surveys.map((s) => [
      s.name,
      windowText(s.window),
      formatScore(s.networkTrust),
      formatScore(s.networkValue),
      formatPercent(s.responseRate),
      COVERAGE_WORDS[s.coverage],
    ]),
  };
}

/** The trend chart's points: trust and value per survey with a score (long format). */
export function trendPoints(surveys: readonly TrendSurvey[]): { index: number; label: string; measure: string; value: number }[] {
  const points: { index: number; label: string; measure: string; value: number }[] = [];
  for (const [measure, read] of [
    ['Network trust', (s: TrendSurvey) => s.networkTrust],
    ['Network value', (s: TrendSurvey) => s.networkValue],
  ] as const) {
    surveys.forEach((s, index) => {
      const value = read(s);
      if (value !== null) points.push({ index, label: s.name, measure, value });
    });
  }
  return points;
}

/**
 * The Story's survey rows: each survey's network trust and value beside the betweenness
 * centralization of the series window that is the survey's window ("—" when the series has
 * no such window, e.g. another step).
 */
export function storySurveyTable(
  surveys: readonly TrendSurvey[],
  snapshots: readonly { window: { from: string; to: string }; betweennessCentralization: number }[],
): { columns: string[]; rows: string[][] } {
  const byWindow = new Map(snapshots.map((s) => [`${Date.parse(s.window.from)}/${Date.parse(s.window.to)}`, s]));
  return {
    columns: ['Survey', 'Window', 'Network trust (1–4)', 'Network value (1–4)', 'Coverage', 'Betweenness centralization'],
    rows: surveys.map((s) => {
      const snapshot = byWindow.get(`${Date.parse(s.window.from)}/${Date.parse(s.window.to)}`);
      return [
        s.name,
        windowText(s.window),
        formatScore(s.networkTrust),
        formatScore(s.networkValue),
        `${COVERAGE_WORDS[s.coverage]} (${formatPercent(s.responseRate)} responded)`,
        snapshot ? snapshot.betweennessCentralization.toFixed(3) : '—',
      ];
    }),
  };
}
