import { getNullableType, isListType, type GraphQLField } from 'graphql';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../domain/page';
import { MAX_SERIES_WINDOWS, seriesWindows, type SeriesInput } from '../../metrics/series';

/**
 * The cost model, in one place. Every field costs 1 plus what it selects, and:
 *
 * - a field with a `first` argument returns up to `first` items (its default, or the page
 *   default of 50, when omitted): what it selects counts `first` times;
 * - any other list counts its selection LIST_SIZES[Type.field] times (DEFAULT_LIST_SIZE
 *   when not listed);
 * - a field with a `window` argument computes one metrics window: + WINDOW_WEIGHT;
 * - a field with a `series` argument computes every window of that series:
 *   + WINDOW_WEIGHT per window, and what it selects counts once per window.
 *
 * Introspection (`__schema`, `__type` and their types) costs 1 per field: it reads the
 * schema in memory, and tools such as the IDE and code generators must always get it.
 *
 * The rules read argument names, not field names, so a new field taking `first`, `window`
 * or `series` is costed without wiring; WINDOW_WEIGHTS overrides the weight per field.
 */
export const WINDOW_WEIGHT = 50;

/** Per-field window weights, for fields heavier or lighter than a snapshot. */
export const WINDOW_WEIGHTS: Readonly<Record<string, number>> = {};

/** Lists whose size is counted elsewhere (a connection's page, a series' windows) or known small. */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'ActorConnection.edges': 1,
  'InteractionConnection.edges': 1,
  'NetworkSeries.snapshots': 1,
  'Interaction.participants': 10,
};
export const DEFAULT_LIST_SIZE = 10;

/**
 * Root fields that compute a window's network without a `window` argument (issue 23): a survey's
 * results join its answers with its window's ties, and a form lists the respondent's ties.
 * `surveys` counts one window per survey it may list (DEFAULT_LIST_SIZE).
 */
export const FIXED_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.survey': WINDOW_WEIGHT,
  'Query.surveys': WINDOW_WEIGHT * DEFAULT_LIST_SIZE,
  'Query.myForm': WINDOW_WEIGHT,
  'Mutation.submitRatings': WINDOW_WEIGHT,
};

export const copnetEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  const key = `${type.name}.${field.name}`;
  const weight = WINDOW_WEIGHTS[key] ?? WINDOW_WEIGHT;
  const windows = hasArgument(field, 'series') ? windowCount(args.series) : hasArgument(field, 'window') ? 1 : 0;
  return 1 + (FIXED_WEIGHTS[key] ?? 0) + windows * weight + Math.max(windows, 1) * listSize(key, field, args) * childComplexity;
};

function listSize(key: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (hasArgument(field, 'first')) {
    const first = args.first;
    // A bad `first` is refused by its resolver; cost it as the largest page meanwhile.
    if (typeof first !== 'number') return DEFAULT_PAGE_SIZE;
    return Number.isInteger(first) && first >= 0 && first <= MAX_PAGE_SIZE ? first : MAX_PAGE_SIZE;
  }
  const listed = LIST_SIZES[key];
  if (listed !== undefined) return listed;
  return isListType(getNullableType(field.type)) ? DEFAULT_LIST_SIZE : 1;
}

/** Windows of a series argument; a series its resolver will refuse costs the most allowed. */
function windowCount(series: unknown): number {
  try {
    return seriesWindows(series as SeriesInput).length;
  } catch {
    return MAX_SERIES_WINDOWS;
  }
}

function hasArgument(field: GraphQLField<unknown, unknown>, name: string): boolean {
  return field.args.some((argument) => argument.name === name);
}
