import { ACTOR_KINDS, type ActorKind } from '../domain/actor';
import { parseIsoDateTime } from '../domain/date-time';
import { InvalidInputError } from '../domain/errors';
import { INTERACTION_KINDS, type InteractionKind } from '../domain/interaction';
import { checkKinds, type Scope } from '../domain/scope';
import type { TimeWindow } from '../domain/time-window';
import {
  isGexfFormat,
  isSeriesFormat,
  parseExportFormat,
  parseGexfVersion,
  type ExportFormat,
  type GexfVersion,
} from '../export/export-format';
import { checkWindowSize, STEPS, type SeriesInput, type Step } from '../metrics/series';
import { resolveCoParticipationLimit } from '../projection/project-network';
import type { MetricsOptions } from './metrics-service';

/** An export as asked for by URL query parameters or CLI options, all as text. */
export interface ExportQueryText {
  readonly format?: string;
  readonly from?: string;
  readonly to?: string;
  readonly step?: string;
  readonly windowSize?: string;
  readonly expanding?: string;
  /** Comma-separated kinds. */
  readonly actorKinds?: string;
  readonly interactionKinds?: string;
  readonly coParticipationLimit?: string;
  /** GEXF formats only: 1.3 (default) or 1.2. */
  readonly version?: string;
}

export type ExportQuery = (
  | {
      readonly kind: 'snapshot';
      readonly format: ExportFormat;
      readonly window: TimeWindow;
      readonly scope: Scope;
      readonly options: MetricsOptions;
    }
  | {
      readonly kind: 'series';
      readonly format: ExportFormat;
      readonly series: SeriesInput;
      readonly scope: Scope;
      readonly options: MetricsOptions;
    }
) & {
  /** The GEXF version of a GEXF format; absent means 1.3. */
  readonly gexfVersion?: GexfVersion;
};

/**
 * Checks an export request given as text (HTTP query, CLI flags). Errors are
 * InvalidInputError naming the parameter, e.g. `from`, `actorKinds`.
 */
export function parseExportQuery(text: ExportQueryText): ExportQuery {
  const format = parseExportFormat(text.format, 'format');
  const from = parseIsoDateTime(required(text.from, 'from'), 'from');
  const to = parseIsoDateTime(required(text.to, 'to'), 'to');
  if (from.getTime() >= to.getTime()) throw new InvalidInputError('from', text.from, `must be before to (${to.toISOString()})`);
  const scope: Scope = {
    actorKinds: kinds(text.actorKinds, 'actorKinds', ACTOR_KINDS),
    interactionKinds: kinds(text.interactionKinds, 'interactionKinds', INTERACTION_KINDS),
  };
  const options: MetricsOptions = { coParticipationLimit: coParticipationLimitOf(text.coParticipationLimit) };
  if (text.version !== undefined && !isGexfFormat(format)) {
    throw new InvalidInputError('version', text.version, `applies to the GEXF formats only, not ${format}`);
  }
  const gexfVersion = text.version === undefined ? undefined : parseGexfVersion(text.version, 'version');
  if (!isSeriesFormat(format)) {
    for (const name of ['step', 'windowSize', 'expanding'] as const) {
      if (text[name] !== undefined) throw new InvalidInputError(name, text[name], `applies to series formats only, not ${format}`);
    }
    return { kind: 'snapshot', format, window: { from, to }, scope, options, ...(gexfVersion ? { gexfVersion } : {}) };
  }
  const step = required(text.step, 'step');
  if (!(STEPS as readonly string[]).includes(step)) throw new InvalidInputError('step', step, `is not one of ${STEPS.join(', ')}`);
  const expanding = text.expanding === undefined ? false : parseBoolean(text.expanding, 'expanding');
  const series: SeriesInput = { from, to, step: step as Step, windowSize: windowSizeOf(text.windowSize), expanding };
  return { kind: 'series', format, series, scope, options, ...(gexfVersion ? { gexfVersion } : {}) };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new InvalidInputError(name, value, 'is required');
  return value;
}

/** A comma-separated list of kinds, checked by the domain's scope rule. */
function kinds<K extends ActorKind | InteractionKind>(value: string | undefined, name: string, known: readonly K[]): K[] | null {
  if (value === undefined || value.trim() === '') return null;
  return checkKinds(
    value.split(',').map((raw) => raw.trim()),
    known,
    name,
  );
}

function optionalInteger(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidInputError(name, value, 'is not a whole number');
  return Number(value);
}

/** Checked here, so the error names this parameter (the metrics service names GraphQL's scope.coParticipationLimit). */
function coParticipationLimitOf(value: string | undefined): number | null {
  const limit = optionalInteger(value, 'coParticipationLimit');
  return limit === null ? null : resolveCoParticipationLimit(limit, 'coParticipationLimit');
}

/** Checked here, not by seriesWindows, so the error names this parameter (`windowSize`), not `series.windowSize`. */
function windowSizeOf(value: string | undefined): number | null {
  const size = optionalInteger(value, 'windowSize');
  return size === null ? null : checkWindowSize(size, 'windowSize', value);
}

function parseBoolean(value: string, name: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidInputError(name, value, 'must be true or false');
}
