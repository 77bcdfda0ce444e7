import type { ActorKind } from '../domain/actor';
import type { InteractionKind } from '../domain/interaction';
import type { ChangePoint } from '../metrics/change-points';
import type { Coverage } from '../metrics/survey/coverage';
import type { SeriesWindow, Step } from '../metrics/series';
import type { NetworkFigures } from '../metrics/snapshot';
import type { TieChange } from '../metrics/tie-changes';
import type { Trend } from '../metrics/trend';

/** Everything the school-year report shows, gathered by ReportService; rendering reads nothing else. */
export interface ReportData {
  readonly title: string;
  readonly from: Date;
  readonly to: Date;
  readonly step: Step;
  readonly scope: ReportScope;
  /** The series' windows; figures[i] is windows[i]. */
  readonly windows: readonly SeriesWindow[];
  readonly figures: readonly NetworkFigures[];
  /** Distinct actors with a tie in at least one window, by kind. */
  readonly actorsByKind: Readonly<Record<ActorKind, number>>;
  /** Interactions of the period in scope, by kind (those that made no tie included). */
  readonly interactionsByKind: Readonly<Record<InteractionKind, number>>;
  readonly storeRevision: number;
  readonly copnetVersion: string;
  /** The only thing that differs between two reports of the same data. */
  readonly madeAt: Date;
  readonly trend: Trend;
  /** Window indexes into `windows`. */
  readonly changePoints: readonly ChangePoint[];
  /** The first and the last window's maps (the same map twice for a one-window series). */
  readonly maps: readonly [ReportMap, ReportMap];
  /** The last window's top brokers by betweenness, at most ten. */
  readonly brokers: readonly ReportBroker[];
  /** tieChanges[i] compares windows[i + 1] with windows[i]. */
  readonly tieChanges: readonly TieChange[];
  /** The surveys whose window overlaps the period, by window: network-level figures only. */
  readonly surveys: readonly ReportSurveyRow[];
}

export interface ReportScope {
  /** null: every kind. */
  readonly actorKinds: readonly ActorKind[] | null;
  readonly interactionKinds: readonly InteractionKind[] | null;
  readonly coParticipationLimit: number;
}

export interface ReportMapNode {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** Layout coordinates (any scale; the renderer fits them). */
  readonly x: number;
  readonly y: number;
}

export interface ReportMap {
  readonly label: string;
  readonly nodes: readonly ReportMapNode[];
  /** Ties as pairs of node indexes. */
  readonly ties: readonly (readonly [number, number])[];
  readonly hubId: string | null;
}

export interface ReportBroker {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly betweenness: number;
  readonly degree: number;
  readonly constraint: number;
}

export interface ReportSurveyRow {
  readonly name: string;
  readonly from: Date;
  readonly to: Date;
  /** The label of the series window that is the survey's window; null when the series has none (another step). */
  readonly windowLabel: string | null;
  readonly rosterSize: number;
  readonly respondentCount: number;
  readonly responseRate: number;
  readonly coverage: Coverage;
  readonly networkTrust: number | null;
  readonly networkValue: number | null;
  readonly unloggedTieCount: number;
  readonly confirmedShare: number | null;
  /** That series window's betweenness centralization; null without one. */
  readonly betweennessCentralization: number | null;
}
