import { setMaxListeners } from 'node:events';
import { LRUCache } from 'lru-cache';
import { ACTOR_KINDS, type Actor, type ActorKind } from '../domain/actor';
import { InvalidInputError } from '../domain/errors';
import { INTERACTION_KINDS, type Interaction, type InteractionKind } from '../domain/interaction';
import { checkKinds, type Scope } from '../domain/scope';
import { spanOfWindows, validateWindow, type TimeWindow } from '../domain/time-window';
import { completeSnapshot, measuredTies, measureGraph, type GraphMeasures, type MeasureOptions } from '../metrics/compute-snapshot';
import {
  inThreadPathCentralityEngine,
  sampledPathCentralities,
  type PathCentralities,
  type PathCentralityEngine,
} from '../metrics/path-centralities';
import type { BetweennessSampling } from '../metrics/sampled-betweenness';
import { seriesWindows, type SeriesInput, type SeriesWindow } from '../metrics/series';
import type { NetworkSnapshot } from '../metrics/snapshot';
import { adamicAdarCandidates } from '../metrics/actor/adamic-adar';
import { positionOfId } from '../metrics/actor-lookup';
import { actorsByIdsOrNfc } from './actor-lookup';
import { tieChange, type TieChange } from '../metrics/tie-changes';
import { computeTrend, trendPointOf, type Trend } from '../metrics/trend';
import { InteractionColumns } from '../projection/interaction-columns';
import {
  projectColumnTies,
  projectTieNetwork,
  projectTies,
  resolveCoParticipationLimit,
  type Projection,
  type TieProjection,
} from '../projection/project-network';
import type { TieNetwork } from '../projection/tie-network';
import type { InteractionSink, Store } from '../store/store';
import { DEFAULT_SNAPSHOT_CACHE_BUDGET, SnapshotCache } from './snapshot-cache';
import { abortError, type WorkPool } from './work/work-pool';
import { StreamedRange } from './streamed-range';
import type { MeasuredWindow, NetworkRequest, WindowSource } from './work/work-tasks';
import { columnSnapshot } from '../metrics/snapshot';
import { WorkLimitError } from '../domain/errors';

/** How the network is built, beyond the window and the scope. */
export interface MetricsOptions {
  /**
   * Participants of one interaction are tied to each other when it has at most this many
   * participants; 0 disables co-participation ties. Default 8, at most 100.
   */
  readonly coParticipationLimit?: number | null;
  /**
   * Estimate betweenness from sampled shortest paths instead of computing it exactly
   * (src/metrics/sampled-betweenness.ts): 0 < epsilon < 1, 0 < delta < 1, seed a whole
   * number 0…2,147,483,647 (default 0). Null or absent: exact. The snapshot's betweennessEstimate says how.
   */
  readonly approximateBetweenness?: { readonly epsilon: number; readonly delta: number; readonly seed?: number | null } | null;
}

export interface SeriesResult {
  /** The series' windows with their labels, in order; snapshots[i] is windows[i]. */
  readonly windows: readonly SeriesWindow[];
  readonly snapshots: readonly NetworkSnapshot[];
  readonly trend: Trend;
  /** One per window after the first: tieChanges[i] compares windows[i + 1] with windows[i]. */
  readonly tieChanges: readonly (TieChange & { readonly window: SeriesWindow })[];
}

/** An actor worth introducing to another (see MetricsService.introductions). */
export interface Introduction {
  readonly actorId: string;
  /** Adamic–Adar index with the actor asked about. */
  readonly score: number;
  /** The common neighbours, by id, sorted. */
  readonly via: readonly string[];
}

export interface NetworkResult {
  readonly network: TieNetwork;
  /** Interactions that produced at least one tie. */
  readonly interactionCount: number;
}

export interface MetricsServiceOptions {
  /** Snapshot cache budget in actor rows (a snapshot weighs 1 + its actor count). Default 1,000,000. */
  readonly cacheBudget?: number;
  /** Computes betweenness and closeness (e.g. on a worker pool). Default: the Brandes kernel in this thread; pass poolPathCentralityEngine(pool) for worker threads. */
  readonly pathCentralities?: PathCentralityEngine;
  /** Most windows computed at the same time across all requests (bounds memory). Default 2. */
  readonly concurrency?: number;
  /** Which measures to take; default all. `{ story: false }` is for `npm run bench:metrics` only. */
  readonly measures?: MeasureOptions;
  /** Worker threads that measure windows (then `pathCentralities` and `concurrency` do not apply). Default: this thread. */
  readonly work?: WorkPool;
  /** Most interactions one call may measure, summed over the windows it computes. Default 10,000,000. */
  readonly maxWindowInteractions?: number;
}

/** A series' trend and tie changes, with the snapshots they were computed from. */
interface DerivedSeries {
  readonly from: readonly WeakRef<NetworkSnapshot>[];
  readonly value: Pick<SeriesResult, 'trend' | 'tieChanges'>;
}

/** Series whose trend and tie changes are kept (a few hundred bytes a window each). */
const DERIVED_SERIES_KEPT = 100;

/** Interactions read between two turns of the event loop. */
const READ_SLICE = 2000;

/** Windows per task sent to a worker thread: small enough to spread a series over every thread. */
const WINDOWS_PER_TASK = 8;

/**
 * Windows per task on a store read here (Neo4j): fewer for a short series, so its first windows are
 * measured while the read goes on; a series of up to 64 windows is at most 8 tasks, so a caller's
 * concurrent series stay well within its share of the pool's queue (WorkPool's maxQueuedPerCaller).
 * A worker reading the store's file itself reads each task's span, so there tasks stay as large.
 */
function streamedWindowsPerTask(windows: number): number {
  return Math.min(WINDOWS_PER_TASK, Math.ceil(windows / 8));
}
export const DEFAULT_MAX_WINDOW_INTERACTIONS = 10_000_000;

/**
 * Network metrics use cases: read a window's interactions from the store, project them,
 * measure the network, and cache the snapshots.
 *
 * - Snapshots are cached by (window, scope, co-participation limit) and the store's
 *   revision, so any write makes the next request recompute (see SnapshotCache).
 * - A series reads its whole range from the store once, into compact columns
 *   (InteractionColumns), and projects each window out of them (windows overlap), and
 *   only for windows not cached yet; a fully cached series costs one `store.revision()` call
 *   (its trend and tie changes are kept with it, see `derived`).
 * - Input errors are InvalidInputError naming `window.from`, `series.from`, `series.step`,
 *   `series.windowSize`, `series`, `scope.actorKinds[i]`, `scope.interactionKinds[i]`
 *   or `coParticipationLimit`.
 */
export class MetricsService {
  private readonly cache: SnapshotCache;
  /** Snapshot cache lookups answered from the cache, and not (for /metrics). */
  get cacheLookups(): { readonly hits: number; readonly misses: number } {
    return this.cache.lookups;
  }
  private readonly engine: PathCentralityEngine;
  private readonly slots: Semaphore;
  private readonly measures: MeasureOptions;
  private readonly work: WorkPool | undefined;
  private readonly maxWindowInteractions: number;
  /** Trends and tie changes of recent series at derivedRevision (see derived). */
  private readonly derivedMemo = new LRUCache<string, DerivedSeries>({ max: DERIVED_SERIES_KEPT });
  private derivedRevision: number | null = null;

  constructor(
    private readonly store: Store,
    options: MetricsServiceOptions = {},
  ) {
    this.cache = new SnapshotCache(options.cacheBudget ?? DEFAULT_SNAPSHOT_CACHE_BUDGET);
    this.engine = options.pathCentralities ?? inThreadPathCentralityEngine;
    this.slots = new Semaphore(options.concurrency ?? 2);
    this.measures = options.measures ?? {};
    this.work = options.work;
    this.maxWindowInteractions = options.maxWindowInteractions ?? DEFAULT_MAX_WINDOW_INTERACTIONS;
  }

  /** Every figure of one window [from, to). A window that selects nothing gives zeros and no actors. */
  async snapshot(window: TimeWindow, scope: Scope = {}, options: MetricsOptions = {}, signal?: AbortSignal): Promise<NetworkSnapshot> {
    validateWindow(window, 'window');
    const request = normalize(scope, options);
    const revision = await this.store.revision();
    const key = cacheKey(window, request);
    const cached = this.cache.get(revision, key);
    if (cached) return cached;
    if (this.work) {
      const [snapshot] = this.measureOnThreads([window], request, this.threadSources(window, request.scope, [window]), signal);
      return this.cache.set(revision, key, snapshot!);
    }
    const snapshot = this.slots.run(async () => {
      const interactions = await this.readInteractions(window, request.scope);
      const actors = await this.readActors(interactions);
      return this.measure(() => projectTies(interactions, actors, request.scope, { coParticipationLimit: request.limit }), window, request);
    });
    return this.cache.set(revision, key, snapshot);
  }

  /** A series of windows (see seriesWindows) with the trend across them. */
  async series(input: SeriesInput, scope: Scope = {}, options: MetricsOptions = {}, signal?: AbortSignal): Promise<SeriesResult> {
    const windows = seriesWindows(input, 'series');
    const request = normalize(scope, options);
    const revision = await this.store.revision();
    const keys = windows.map((window) => cacheKey(window, request));
    const found = keys.map((key) => this.cache.get(revision, key));
    const missing = windows.filter((_window, i) => found[i] === undefined);

    let range: Promise<LoadedRange> | undefined;
    let measured: Promise<NetworkSnapshot>[] = [];
    if (missing.length > 0) {
      const span = spanOfWindows(missing);
      if (this.work) measured = this.measureOnThreads(missing, request, this.threadSources(span, request.scope, missing), signal);
      else {
        range = this.readRange(span, request.scope, missing);
        range.catch(() => undefined); // each window's promise reports the failure
      }
    }
    const snapshots = windows.map((window, i) => {
      const hit = found[i];
      if (hit) return hit;
      if (this.work) return this.cache.set(revision, keys[i]!, measured[missing.indexOf(window)]!);
      const loaded = range!;
      const snapshot = this.slots.run(async () => {
        const { interactions, actors } = await loaded;
        const from = window.from.getTime();
        const to = window.to.getTime();
        return this.measure(
          () => projectColumnTies(interactions, from, to, actors, request.scope, { coParticipationLimit: request.limit }),
          window,
          request,
        );
      });
      return this.cache.set(revision, keys[i]!, snapshot);
    });

    const settled = await Promise.all(snapshots);
    return { windows, snapshots: settled, ...this.derived(revision, `${input.step}|${keys.join(';')}`, windows, settled, input.step) };
  }

  /**
   * The series' trend and tie changes, computed once per (series, scope, revision): kept
   * while the very snapshots they came from are still the cached ones (held weakly, so
   * this memo never keeps a snapshot the SnapshotCache let go).
   */
  private derived(
    revision: number,
    key: string,
    windows: readonly SeriesWindow[],
    settled: readonly NetworkSnapshot[],
    step: SeriesInput['step'],
  ): Pick<SeriesResult, 'trend' | 'tieChanges'> {
    if (revision !== this.derivedRevision) {
      this.derivedMemo.clear();
      this.derivedRevision = revision;
    }
    const memo = this.derivedMemo.get(key);
    if (memo && memo.from.length === settled.length && memo.from.every((ref, i) => ref.deref() === settled[i])) return memo.value;
    const trend = computeTrend(
      settled.map((s, i) => trendPointOf(windows[i]!.label, s)),
      step,
    );
    const tieChanges = settled
      .slice(1)
      .map((current, i) => ({ window: windows[i + 1]!, ...tieChange(windowTies(settled[i]!), windowTies(current)) }));
    const value = { trend, tieChanges };
    this.derivedMemo.set(key, { from: settled.map((snapshot) => new WeakRef(snapshot)), value });
    return value;
  }

  /**
   * Who `actorId` should meet next in a window: the window's actors other than it, not tied
   * to it there, of `candidateKinds` (default: its own kind), with at least one common
   * neighbour, scored by the Adamic–Adar index; highest first, then by id; at most `first`.
   * An actor without ties in the window gets none. Throws InvalidInputError naming
   * `actorId` when no actor has that id, `first` when it is not 0…maxFirst.
   */
  async introductions(
    actorId: string,
    window: TimeWindow,
    scope: Scope = {},
    options: MetricsOptions = {},
    candidateKinds: readonly ActorKind[] | null = null,
    first = 10,
    maxFirst = 1000,
  ): Promise<Introduction[]> {
    if (!Number.isInteger(first) || first < 0 || first > maxFirst) {
      throw new InvalidInputError('first', first, `must be a whole number from 0 to ${maxFirst}`);
    }
    const kinds = checkKinds(candidateKinds, ACTOR_KINDS, 'candidateKinds');
    // As stored (NFC), and as merged: a merged id names the actor it was merged into.
    const [actor] = await actorsByIdsOrNfc(this.store, [actorId]);
    if (!actor) throw new InvalidInputError('actorId', actorId, 'is not a known actor');
    const snapshot = await this.snapshot(window, scope, options);
    const columns = snapshot.actorColumns;
    const ties = snapshot.ties;
    if (!columns || !ties) throw new Error('introductions need a snapshot made by completeSnapshot');
    const u = positionOfId(columns.ids, actor.id);
    if (u < 0) return [];
    const wanted = new Set((kinds ?? [actor.kind]).map((kind) => ACTOR_KINDS.indexOf(kind)));
    const candidates = adamicAdarCandidates(ties, u, (v) => wanted.has(ties.kinds[v]!));
    // positions follow id order, so comparing positions compares ids
    candidates.sort((a, b) => b.score - a.score || a.node - b.node);
    return candidates.slice(0, first).map(({ node, score, via }) => ({
      actorId: columns.ids[node]!,
      score,
      via: via.map((w) => columns.ids[w]!),
    }));
  }

  /**
   * A span's interactions as columns and the actors they name, checked against the
   * budget of `windows` (most interactions summed over them).
   */
  async windowData(
    span: TimeWindow,
    scope: Scope,
    options: MetricsOptions,
    windows: readonly TimeWindow[],
  ): Promise<{ interactions: InteractionColumns; actors: Map<string, Actor>; scope: Scope; limit: number }> {
    const request = normalize(scope, options);
    const range = await this.readRange(span, request.scope, windows);
    this.checkBudget(range.interactions, windows);
    return { ...range, scope: request.scope, limit: request.limit };
  }

  /**
   * What a worker thread needs to build an export of `span`: the span's interactions and actors
   * (as windowData), or, when `onWorker` and the store has a file a worker can read
   * (Store.windowFile), only where to read them: the HTTP thread then reads no interaction.
   * The budget of `windows` is checked either way (from the store's counts, before any read).
   */
  async exportSource(
    span: TimeWindow,
    scope: Scope,
    options: MetricsOptions,
    windows: readonly TimeWindow[],
    onWorker: boolean,
  ): Promise<{ source: WindowSource; scope: Scope; limit: number }> {
    const request = normalize(scope, options);
    const file = this.store.windowFile;
    if (onWorker && file) {
      await this.checkBudgetFromCounts(span, request.scope, windows);
      return { source: { kind: 'file', file, span, scope: request.scope }, scope: request.scope, limit: request.limit };
    }
    const data = await this.windowData(span, scope, options, windows);
    const columns = data.interactions.parts(span.from.getTime(), span.to.getTime());
    return { source: { kind: 'columns', columns, actors: [...data.actors.values()] }, scope: data.scope, limit: data.limit };
  }

  /**
   * For the worker threads, once the store's counts show `windows` are within the budget: where
   * the task of each group of windows (from ≤ occurredAt < to) reads. The store's file when it
   * has one; else the span is read here in time order (StreamedRange) and each group gets its
   * columns and actors as soon as the read is past its end, so the threads measure the first
   * windows while the store still sends the last ones (on Neo4j the read is a good part of a
   * cold series).
   */
  private async threadSources(span: TimeWindow, scope: Scope, windows: readonly TimeWindow[]): Promise<GroupSources> {
    await this.checkBudgetFromCounts(span, scope, windows);
    const file = this.store.windowFile;
    if (file) return { of: async (group) => ({ kind: 'file', file, span: spanOfWindows(group), scope }), stop: () => undefined };
    const range = new StreamedRange();
    this.readInto(span, scope, range)
      .then(() => range.finish())
      .catch((error: unknown) => range.fail(error));
    const actors = new ActorReads((ids) => this.readActorsByIds(ids));
    let sent = 0; // interactions summed over the windows sent so far: the counts are checked again on what was read
    const of = async (group: readonly TimeWindow[]): Promise<WindowSource> => {
      const { from, to } = spanOfWindows(group);
      await range.until(to.getTime());
      const interactions = range.columns;
      for (const window of group) sent += interactions.countBetween(window.from.getTime(), window.to.getTime());
      this.refuseOverBudget(sent, windows.length);
      const columns = interactions.parts(from.getTime(), to.getTime());
      const named = new Set<number>([...columns.initiators, ...columns.participants]);
      const known = await actors.of([...named].map((n) => columns.actorIds[n]!));
      return { kind: 'columns', columns, actors: actorsWithAffiliations(named, columns.actorIds, known) };
    };
    return { of, stop: (reason) => range.stop(reason) };
  }

  /** The span's interactions and actors, once the store's counts show `windows` are within the budget. */
  private async readRange(span: TimeWindow, scope: Scope, windows: readonly TimeWindow[]): Promise<LoadedRange> {
    await this.checkBudgetFromCounts(span, scope, windows);
    const interactions = new InteractionColumns();
    await this.readInto(span, scope, interactions);
    interactions.trim();
    return { interactions, actors: await this.readActorsByIds(interactions.actorIds) };
  }

  /** Appends the span's interactions to `sink`, in time order. */
  private async readInto(span: TimeWindow, scope: Scope, sink: InteractionSink): Promise<void> {
    // raw columns where the store has them: about half the read's time, no Interaction per row
    if (this.store.readWindowInto) return this.store.readWindowInto(span, scope, sink);
    let read = 0;
    for await (const interaction of this.store.streamWindow(span, scope)) {
      const { occurredAt, kind, weight, initiatorId, participantIds, id } = interaction;
      sink.append(occurredAt.getTime(), kind, weight, initiatorId, participantIds, id);
      // Let other requests' I/O through between slices of a long read (an embedded store reads synchronously).
      if (++read % READ_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Refuses work over the budget from the store's counts, before any interaction is read (a
   * refused 520-window series on a large store used to read the whole range first). One count of
   * the span settles most requests: no window holds more. Otherwise each stretch between
   * consecutive window boundaries is counted once, and each window sums its stretches.
   */
  private async checkBudgetFromCounts(span: TimeWindow, scope: Scope, windows: readonly TimeWindow[]): Promise<void> {
    if (windows.length === 0) return;
    const inSpan = await this.store.countWindow(span, scope);
    if (inSpan * windows.length <= this.maxWindowInteractions) return;
    const bounds = [...new Set(windows.flatMap((w) => [w.from.getTime(), w.to.getTime()]))].sort((a, b) => a - b);
    const before = [0]; // interactions before each bound, from the first
    for (let i = 1; i < bounds.length; i++) {
      const stretch = await this.store.countWindow({ from: new Date(bounds[i - 1]!), to: new Date(bounds[i]!) }, scope);
      before.push(before[i - 1]! + stretch);
    }
    const at = new Map(bounds.map((bound, i) => [bound, before[i]!]));
    let total = 0;
    for (const window of windows) total += at.get(window.to.getTime())! - at.get(window.from.getTime())!;
    this.refuseOverBudget(total, windows.length);
  }

  /** Refuses work over the budget: the interactions of every window, summed. */
  private checkBudget(interactions: InteractionColumns, windows: readonly TimeWindow[]): void {
    let total = 0;
    for (const window of windows) total += interactions.countBetween(window.from.getTime(), window.to.getTime());
    this.refuseOverBudget(total, windows.length);
  }

  private refuseOverBudget(total: number, windows: number): void {
    if (total > this.maxWindowInteractions) {
      throw new WorkLimitError(
        `This asks to measure ${total} interactions summed over ${windows} windows; the limit is ${this.maxWindowInteractions} (COPNET_MAX_WINDOW_INTERACTIONS): use fewer or shorter windows`,
        this.maxWindowInteractions,
        total,
      );
    }
  }

  /** One promise per window, measured on the worker threads in tasks of a few windows each. */
  private measureOnThreads(
    windows: readonly TimeWindow[],
    request: NetworkRequest,
    sources: Promise<GroupSources>,
    signal: AbortSignal | undefined,
  ): Promise<NetworkSnapshot>[] {
    const work = this.work!;
    const taskRequest = { scope: request.scope, limit: request.limit, betweenness: request.betweenness ?? null };
    // The first task to fail stops the others and the read: the series fails with its error, so their work would be lost.
    const failed = new AbortController();
    const stop = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
    // Every running or queued task of the series listens to it (and removes its listener when done): a
    // 43-task weekly series is no leak, so Node's warning past 10 listeners is not wanted.
    setMaxListeners(0, stop);
    stop.addEventListener(
      'abort',
      () =>
        void sources.then(
          (s) => s.stop(abortError(stop)),
          () => undefined,
        ),
      { once: true },
    );
    const tasks: Promise<MeasuredWindow[]>[] = [];
    const perTask = this.store.windowFile ? WINDOWS_PER_TASK : streamedWindowsPerTask(windows.length);
    for (let first = 0; first < windows.length; first += perTask) {
      const group = windows.slice(first, first + perTask);
      const task = sources.then(async (s) => {
        const source = await s.of(group);
        if (stop.aborted) throw abortError(stop);
        return work.measure({ kind: 'snapshots', source, windows: group, request: taskRequest }, stop);
      });
      // each window's promise reports the failure
      task.catch(() => failed.abort(new Error('another part of this series failed')));
      tasks.push(task);
    }
    return windows.map((window, i) =>
      tasks[Math.floor(i / perTask)]!.then((measured) => {
        const { figures, columns, ties } = measured[i % perTask]!;
        // This thread's window object: one that crossed threads is a Date of another realm under Jest.
        return columnSnapshot({ ...figures, window }, columns, ties, measured[i % perTask]!.betweennessEstimate);
      }),
    );
  }

  /** The tie network of a window, for exports. Not cached. */
  async network(window: TimeWindow, scope: Scope = {}, options: MetricsOptions = {}): Promise<NetworkResult> {
    validateWindow(window, 'window');
    const request = normalize(scope, options);
    const interactions = await this.readInteractions(window, request.scope);
    const actors = await this.readActors(interactions);
    return project(interactions, actors, request);
  }

  private async measure(project: () => TieProjection, window: TimeWindow, request: NetworkRequest): Promise<NetworkSnapshot> {
    const { measures, paths } = this.startMeasuring(project, window, request);
    return completeSnapshot(measures, await paths);
  }

  /**
   * Projects the window, starts its path centralities and takes every other measure, in
   * one synchronous step: the ties are gone before the path centralities are awaited, so
   * windows waiting for the worker pool hold only their compact index. No graphology graph
   * is built (measuredTies): the figures are the same, and building it cost more than most measures.
   */
  private startMeasuring(
    project: () => TieProjection,
    window: TimeWindow,
    request: NetworkRequest,
  ): { measures: GraphMeasures; paths: Promise<PathCentralities> } {
    const projection = project();
    const measured = measuredTies(projection.ties);
    const sampling = request.betweenness;
    const paths = sampling ? Promise.resolve(sampledPathCentralities(measured.index, sampling)) : this.engine(measured.index);
    try {
      return { measures: measureGraph(measured, window, projection, this.measures), paths };
    } catch (error) {
      paths.catch(() => undefined); // the measure's error is the one reported
      throw error;
    }
  }

  private async readInteractions(window: TimeWindow, scope: Scope): Promise<Interaction[]> {
    const interactions: Interaction[] = [];
    for await (const interaction of this.store.streamWindow(window, scope)) interactions.push(interaction);
    return interactions;
  }

  private async readActors(interactions: readonly Interaction[]): Promise<Map<string, Actor>> {
    const ids = new Set<string>();
    for (const interaction of interactions) {
      ids.add(interaction.initiatorId);
      for (const id of interaction.participantIds) ids.add(id);
    }
    return this.readActorsByIds([...ids]);
  }

  /** The actors, plus the ones their schools are affiliated to (the projection needs their kind for the school's network). */
  private async readActorsByIds(list: readonly string[]): Promise<Map<string, Actor>> {
    const actors = new Map<string, Actor>();
    const found = list.length === 0 ? [] : await this.store.getActorsByIds(list);
    found.forEach((actor) => actor && actors.set(actor.id, actor));
    const affiliations = new Set<string>();
    for (const actor of actors.values()) {
      if (actor.kind === 'SCHOOL' && actor.affiliationId !== null && !actors.has(actor.affiliationId))
        affiliations.add(actor.affiliationId);
    }
    if (affiliations.size > 0) {
      (await this.store.getActorsByIds([...affiliations])).forEach((actor) => actor && actors.set(actor.id, actor));
    }
    return actors;
  }
}

/** A range read in this thread: its interactions as columns and the actors they name. */
interface LoadedRange {
  readonly interactions: InteractionColumns;
  readonly actors: Map<string, Actor>;
}

/** Where the task of each group of windows reads its interactions and actors (see threadSources). */
interface GroupSources {
  of(group: readonly TimeWindow[]): Promise<WindowSource>;
  /** Stops a read still going on: the series has failed or was cancelled. */
  stop(reason: Error): void;
}

/**
 * The actors numbered `named` in `actorIds`, plus the intermediaries their schools are affiliated
 * to: a school's network is its affiliation's when that is an intermediary, so the projection
 * needs those actors too.
 */
function actorsWithAffiliations(named: ReadonlySet<number>, actorIds: readonly string[], actors: ReadonlyMap<string, Actor>): Actor[] {
  const used = [...named].map((n) => actors.get(actorIds[n]!)).filter((a): a is Actor => a !== undefined);
  const sent = new Set(used.map((a) => a.id));
  for (const actor of [...used]) {
    const affiliation = actor.affiliationId === null ? undefined : actors.get(actor.affiliationId);
    if (affiliation && !sent.has(affiliation.id)) {
      sent.add(affiliation.id);
      used.push(affiliation);
    }
  }
  return used;
}

/**
 * The actors of a range read group by group: each id is read once, the reads one after another
 * (so a group waits for the reads of the groups before it). A failed read fails every later
 * group too: the series fails anyway.
 */
class ActorReads {
  private readonly known = new Map<string, Actor>();
  private readonly asked = new Set<string>();
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly read: (ids: readonly string[]) => Promise<Map<string, Actor>>) {}

  /** The actors read so far, once `ids` (and their schools' affiliations) are among them. */
  of(ids: readonly string[]): Promise<ReadonlyMap<string, Actor>> {
    const missing = ids.filter((id) => !this.asked.has(id));
    if (missing.length > 0) {
      for (const id of missing) this.asked.add(id);
      this.last = this.last.then(async () => {
        for (const [id, actor] of await this.read(missing)) {
          this.known.set(id, actor);
          this.asked.add(id); // an affiliation read along with its schools
        }
      });
    }
    return this.last.then(() => this.known);
  }
}

function windowTies(snapshot: NetworkSnapshot): { ids: readonly string[]; ties: NonNullable<NetworkSnapshot['ties']> } {
  if (!snapshot.actorColumns || !snapshot.ties) throw new Error('tie changes need snapshots made by completeSnapshot');
  return { ids: snapshot.actorColumns.ids, ties: snapshot.ties };
}

function project(interactions: Iterable<Interaction>, actors: ReadonlyMap<string, Actor>, request: NetworkRequest): Projection {
  return projectTieNetwork(interactions, actors, request.scope, { coParticipationLimit: request.limit });
}

/** Checks the scope's kinds and the options; sorts and de-duplicates the kinds so equal scopes share a cache key. */
function normalize(scope: Scope, options: MetricsOptions): NetworkRequest {
  const actorKinds = checkKinds(scope.actorKinds, ACTOR_KINDS, 'scope.actorKinds');
  const interactionKinds = checkKinds(scope.interactionKinds, INTERACTION_KINDS, 'scope.interactionKinds');
  return {
    scope: { actorKinds, interactionKinds },
    // The options come in GraphQL's scope argument (an export's URL parameters are checked by name before: export-query.ts).
    limit: resolveCoParticipationLimit(options.coParticipationLimit, 'scope.coParticipationLimit'),
    betweenness: checkSampling(options.approximateBetweenness),
  };
}

/** Largest sampling seed (the largest GraphQL Int; xoroshiro128+ takes 32 bits). */
const MAX_SEED = 2_147_483_647;

/** The sampling asked for, checked: InvalidInputError naming scope.approximateBetweenness.epsilon, .delta or .seed. */
function checkSampling(
  asked: MetricsOptions['approximateBetweenness'],
  field = 'scope.approximateBetweenness',
): BetweennessSampling | null {
  if (asked === null || asked === undefined) return null;
  const { epsilon, delta, seed } = asked;
  const open = (value: number): boolean => Number.isFinite(value) && value > 0 && value < 1;
  if (!open(epsilon)) throw new InvalidInputError(`${field}.epsilon`, epsilon, 'must be more than 0 and less than 1');
  if (!open(delta)) throw new InvalidInputError(`${field}.delta`, delta, 'must be more than 0 and less than 1');
  const chosen = seed ?? 0;
  if (!Number.isInteger(chosen) || chosen < 0 || chosen > MAX_SEED) {
    throw new InvalidInputError(`${field}.seed`, chosen, `must be a whole number from 0 to ${MAX_SEED}`);
  }
  return { epsilon, delta, seed: chosen };
}

function cacheKey(window: TimeWindow, request: NetworkRequest): string {
  const actorKinds: readonly ActorKind[] = request.scope.actorKinds ?? [];
  const interactionKinds: readonly InteractionKind[] = request.scope.interactionKinds ?? [];
  const sampling = request.betweenness ? `|${request.betweenness.epsilon},${request.betweenness.delta},${request.betweenness.seed}` : '';
  return `${window.from.getTime()}|${window.to.getTime()}|${actorKinds.join(',')}|${interactionKinds.join(',')}|${request.limit}${sampling}`;
}

/** At most `limit` tasks at a time, started in the order asked. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive whole number, got ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
