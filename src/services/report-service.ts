import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ACTOR_KINDS, type Actor, type ActorKind } from '../domain/actor';
import { INTERACTION_KINDS, type InteractionKind } from '../domain/interaction';
import type { Scope } from '../domain/scope';
import { DEFAULT_CUSUM, seriesChangePoints } from '../metrics/change-points';
import { topActors } from '../metrics/actor-lookup';
import { resolveCoParticipationLimit } from '../projection/project-network';
import type { SeriesInput, SeriesWindow } from '../metrics/series';
import type { NetworkSnapshot } from '../metrics/snapshot';
import { layoutMap } from '../report/map-layout';
import type { ReportData, ReportMap, ReportSurveyRow } from '../report/report-data';
import { renderReport } from '../report/render-report';
import type { Store } from '../store/store';
import type { MetricsOptions, MetricsService } from './metrics-service';
import type { SurveyService } from './survey-service';

export interface ReportRequest {
  readonly series: SeriesInput;
  readonly scope?: Scope;
  readonly options?: MetricsOptions;
  /** Default: "Network report, <first window> to <last window>". */
  readonly title?: string | null;
}

export interface RenderedReport {
  readonly html: string;
  /** e.g. copnet-report-2018-08-01_2025-08-01.html */
  readonly filename: string;
}

/**
 * The school-year report's use case: gathers the series, its trend, tie changes and change
 * points, the data behind them, the brokers of the last window and the maps of the first
 * and last window (ForceAtlas2 positions), then renders the HTML (src/report/).
 */
export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly metrics: MetricsService,
    private readonly surveys: SurveyService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async render(request: ReportRequest, signal?: AbortSignal): Promise<RenderedReport> {
    const data = await this.gather(request, signal);
    return { html: renderReport(data, DEFAULT_CUSUM), filename: reportFilename(request.series) };
  }

  async gather(request: ReportRequest, signal?: AbortSignal): Promise<ReportData> {
    const scope = request.scope ?? {};
    const options = request.options ?? {};
    const result = await this.metrics.series(request.series, scope, options, signal);
    const span = { from: request.series.from, to: request.series.to };
    const [revision, range] = await Promise.all([this.store.revision(), this.metrics.windowData(span, scope, options, [span])]);
    const { windows, snapshots } = result;
    const names = range.actors;

    const interactionsByKind = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, 0])) as Record<InteractionKind, number>;
    for (const k of range.interactions.parts(span.from.getTime(), span.to.getTime()).kinds) interactionsByKind[INTERACTION_KINDS[k]!] += 1;
    const actorsByKind = Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, 0])) as Record<ActorKind, number>;
    const seen = new Set<string>();
    for (const snapshot of snapshots) {
      const { ids, kinds } = columnsOf(snapshot);
      ids.forEach((id, i) => {
        if (seen.has(id)) return;
        seen.add(id);
        actorsByKind[ACTOR_KINDS[kinds[i]!]!] += 1;
      });
    }

    const last = snapshots[snapshots.length - 1]!;
    const brokers = topActors(last, 'betweenness', 10).map((m) => {
      const actor = names.get(m.actorId);
      return {
        id: m.actorId,
        name: actor?.name ?? m.actorId,
        kind: actor?.kind ?? 'SCHOOL',
        betweenness: m.betweenness,
        degree: m.degree,
        constraint: m.constraint,
      };
    });
    const first = snapshots[0]!;
    const title = request.title?.trim() || `Network report, ${windows[0]!.label} to ${windows[windows.length - 1]!.label}`;
    return {
      title,
      from: request.series.from,
      to: request.series.to,
      step: request.series.step,
      scope: {
        actorKinds: range.scope.actorKinds ?? null,
        interactionKinds: range.scope.interactionKinds ?? null,
        coParticipationLimit: resolveCoParticipationLimit(options.coParticipationLimit, 'coParticipationLimit'),
      },
      windows,
      figures: snapshots,
      actorsByKind,
      interactionsByKind,
      storeRevision: revision,
      copnetVersion: copnetVersion(),
      madeAt: this.now(),
      trend: result.trend,
      changePoints: seriesChangePoints(snapshots, DEFAULT_CUSUM),
      maps: [mapOf(first, windows[0]!.label, names), mapOf(last, windows[windows.length - 1]!.label, names)],
      brokers,
      tieChanges: result.tieChanges,
      surveys: await this.surveyRows(span, windows, snapshots),
    };
  }

  /** The surveys whose window overlaps the period, by window, each beside the series window that is its window. */
  private async surveyRows(
    span: { readonly from: Date; readonly to: Date },
    windows: readonly SeriesWindow[],
    snapshots: readonly NetworkSnapshot[],
  ): Promise<ReportSurveyRow[]> {
    const byWindow = new Map(windows.map((w, i) => [`${w.from.getTime()}/${w.to.getTime()}`, i]));
    const surveys = (await this.surveys.list()).filter((s) => s.window.from < span.to && s.window.to > span.from);
    const rows: ReportSurveyRow[] = [];
    for (const survey of surveys) {
      const { scores } = await this.surveys.results(survey);
      const i = byWindow.get(`${survey.window.from.getTime()}/${survey.window.to.getTime()}`);
      rows.push({
        name: survey.name,
        from: survey.window.from,
        to: survey.window.to,
        windowLabel: i === undefined ? null : windows[i]!.label,
        rosterSize: scores.rosterSize,
        respondentCount: scores.respondentCount,
        responseRate: scores.responseRate,
        coverage: scores.coverage,
        networkTrust: scores.networkTrust,
        networkValue: scores.networkValue,
        unloggedTieCount: scores.unloggedTies.length,
        confirmedShare: scores.confirmedShare,
        betweennessCentralization: i === undefined ? null : snapshots[i]!.betweennessCentralization,
      });
    }
    return rows;
  }
}

function columnsOf(snapshot: NetworkSnapshot): { ids: readonly string[]; kinds: Uint8Array; offsets: Int32Array; neighbors: Int32Array } {
  if (!snapshot.actorColumns || !snapshot.ties) throw new Error('a report needs snapshots made by completeSnapshot');
  return { ids: snapshot.actorColumns.ids, ...snapshot.ties };
}

/** A window's map: its actors (id order), ties and ForceAtlas2 positions. */
function mapOf(snapshot: NetworkSnapshot, label: string, actors: ReadonlyMap<string, Actor>): ReportMap {
  const { ids, kinds, offsets, neighbors } = columnsOf(snapshot);
  const ties: [number, number][] = [];
  for (let v = 0; v < ids.length; v++) {
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) if (neighbors[e]! > v) ties.push([v, neighbors[e]!]);
  }
  const positions = layoutMap(ids.length, ties);
  return {
    label,
    nodes: ids.map((id, i) => ({ id, name: actors.get(id)?.name ?? id, kind: ACTOR_KINDS[kinds[i]!]!, ...positions[i]! })),
    ties,
    hubId: snapshot.hubId,
  };
}

/** copnet-report-<from>_<to>.html, dates as YYYY-MM-DD. */
export function reportFilename(series: Pick<SeriesInput, 'from' | 'to'>): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `copnet-report-${day(series.from)}_${day(series.to)}.html`;
}

let version: string | undefined;

/** copnet's version, from its package.json (found above this file, in src/ or dist/src/). */
export function copnetVersion(): string {
  if (version !== undefined) return version;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const file = join(dir, 'package.json');
  version = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown') : 'unknown';
  return version;
}
