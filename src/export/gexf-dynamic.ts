/**
 * Dynamic GEXF 1.3 (or 1.2 "1.2draft", `version`: the same document in the 1.2 namespace,
 * without 1.3's `timerepresentation`, which 1.2 does not know) of a series of windows, so Gephi's timeline replays the network's
 * evolution. graphology-gexf writes static GEXF only, so this uses xml-writer (xml-chunks.ts).
 *
 * Time: window i is shown over its slot [start_i, to_i), where start_0 = from_0 and
 * start_i = max(from_i, to_(i-1)): for back-to-back windows the slot is the window itself;
 * for rolling or expanding windows it is the last step of the window, so at any instant
 * the timeline shows the most recent window ending after it. Windows must come in order
 * of strictly increasing `to`: a rolling or expanding series whose last windows are
 * clipped at the series' end (so end together) keeps, of windows ending together, the
 * first — the widest, the one the timeline shows (`timelineWindows`); the clipped ones
 * add no instant to the timeline (they stay in the csv-series export).
 *
 * Each actor and each tie carries one `<spell>` per run of consecutive windows it is
 * present in (runs merged when one slot ends where the next begins). GEXF spells are
 * closed intervals, so a spell's end is the next slot's start. `timeformat` is `date`
 * when every boundary is midnight UTC, `dateTime` otherwise.
 *
 * Attributes: kind, region and network are static; every per-actor metric is dynamic (one
 * value per window, over that window's slot); tie `interactions` and `weight` are dynamic,
 * first_at, last_at and tie_class are static (over the whole series; the tie class follows
 * the current affiliations, the same in every window). Gephi reads the dynamic
 * `weight` as the tie's weight over time. Ties have ids e0, e1, … by (source, target).
 */
import { InvalidInputError } from '../domain/errors';
import type { TimeWindow } from '../domain/time-window';
import { ACTOR_METRIC_COLUMNS, isoOf, type ColumnType } from './columns';
import { compareIds, type PreparedNetwork } from './export-data';
import type { GexfVersion } from './export-format';
import { CHUNK_SIZE, xmlChunkWriter, type XmlChunkWriter } from './xml-chunks';

const GEXF_NS: Record<GexfVersion, string> = { '1.3': 'http://gexf.net/1.3', '1.2': 'http://www.gexf.net/1.2draft' };
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

interface Slot {
  readonly start: number;
  readonly end: number;
}

interface Presence<T> {
  readonly first: T;
  /** Index of each window the element is present in, ascending, with its value there. */
  readonly windows: { readonly index: number; readonly value: T }[];
}

type Actor = PreparedNetwork['actors'][number];
type Tie = PreparedNetwork['ties'][number];

/** Indices of the windows a dynamic GEXF shows: each that ends after every window before it. */
export function timelineWindows(windows: readonly TimeWindow[]): number[] {
  const kept: number[] = [];
  let end = -Infinity;
  windows.forEach((window, i) => {
    if (window.to.getTime() > end) {
      kept.push(i);
      end = window.to.getTime();
    }
  });
  return kept;
}

/** Slots of a series, checked. */
export function slotsOf(windows: readonly TimeWindow[], field = 'windows'): Slot[] {
  if (windows.length === 0) throw new InvalidInputError(field, [], 'must hold at least one window');
  return windows.map((window, i) => {
    const from = window.from.getTime();
    const to = window.to.getTime();
    if (!(from < to)) throw new InvalidInputError(`${field}[${i}].from`, window.from, `must be before ${field}[${i}].to`);
    const previous = windows[i - 1];
    if (previous === undefined) return { start: from, end: to };
    if (!(to > previous.to.getTime())) {
      throw new InvalidInputError(`${field}[${i}].to`, window.to, `must be after ${field}[${i - 1}].to (windows in order)`);
    }
    return { start: Math.max(from, previous.to.getTime()), end: to };
  });
}

export function* dynamicGexfChunks(series: readonly PreparedNetwork[], version: GexfVersion = '1.3'): Generator<string> {
  const slots = slotsOf(series.map((network) => network.window));
  const onlyDates = slots.every((slot) => isMidnight(slot.start) && isMidnight(slot.end));
  const time = (ms: number) => (onlyDates ? isoOf(ms).slice(0, 10) : isoOf(ms));

  const actors = new Map<string, Presence<Actor>>();
  const ties = new Map<string, Presence<Tie>>();
  series.forEach((network, index) => {
    for (const actor of network.actors) record(actors, actor.id, index, actor);
    for (const tie of network.ties) record(ties, `${tie.source}\u0000${tie.target}`, index, tie);
  });

  const xml = xmlChunkWriter();
  const first = slots[0]!;
  const last = slots[slots.length - 1]!;
  xml.open('gexf', {
    xmlns: GEXF_NS[version],
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${GEXF_NS[version]} ${GEXF_NS[version]}/gexf.xsd`,
    version,
  });
  xml.open('meta');
  xml.leaf('creator', {}, 'copnet');
  xml.leaf('description', {}, `copnet tie network over ${series.length} windows from ${isoOf(first.start)} to ${isoOf(last.end)}`);
  xml.close();
  xml.open('graph', {
    mode: 'dynamic',
    defaultedgetype: 'undirected',
    timeformat: onlyDates ? 'date' : 'dateTime',
    ...(version === '1.3' ? { timerepresentation: 'interval' } : {}),
    start: time(first.start),
    end: time(last.end),
  });
  declare(xml, 'node', 'static', [
    ['kind', 'string'],
    ['region', 'string'],
    ['network', 'string'],
  ]);
  declare(
    xml,
    'node',
    'dynamic',
    ACTOR_METRIC_COLUMNS.map((c) => [c.name, c.type]),
  );
  declare(xml, 'edge', 'static', [
    ['first_at', 'string'],
    ['last_at', 'string'],
    ['tie_class', 'string'],
  ]);
  declare(xml, 'edge', 'dynamic', [
    ['interactions', 'int'],
    ['weight', 'double'],
  ]);

  xml.open('nodes');
  for (const id of [...actors.keys()].sort(compareIds)) {
    const presence = actors.get(id)!;
    const latest = presence.windows[presence.windows.length - 1]!.value;
    xml.open('node', { id, label: latest.name });
    xml.open('attvalues');
    xml.leaf('attvalue', { for: 'kind', value: latest.kind });
    if (latest.region !== null) xml.leaf('attvalue', { for: 'region', value: latest.region });
    if (latest.networkId !== null) xml.leaf('attvalue', { for: 'network', value: latest.networkId });
    for (const { index, value } of presence.windows) {
      const [start, end] = [time(slots[index]!.start), time(slots[index]!.end)];
      for (const column of ACTOR_METRIC_COLUMNS) {
        xml.leaf('attvalue', { for: column.name, value: value.metrics[column.key], start, end });
      }
    }
    xml.close();
    spells(xml, presence, slots, time);
    xml.close();
    if (xml.buffered() >= CHUNK_SIZE) yield xml.take();
  }
  xml.close();
  xml.open('edges');
  const orderedTies = [...ties.values()].sort(
    (x, y) => compareIds(x.first.source, y.first.source) || compareIds(x.first.target, y.first.target),
  );
  for (const [i, presence] of orderedTies.entries()) {
    const { source, target } = presence.first;
    const firstAt = Math.min(...presence.windows.map((w) => w.value.firstAt));
    const lastAt = Math.max(...presence.windows.map((w) => w.value.lastAt));
    xml.open('edge', { id: `e${i}`, source, target });
    xml.open('attvalues');
    xml.leaf('attvalue', { for: 'first_at', value: isoOf(firstAt) });
    xml.leaf('attvalue', { for: 'last_at', value: isoOf(lastAt) });
    xml.leaf('attvalue', { for: 'tie_class', value: presence.windows[presence.windows.length - 1]!.value.tieClass });
    for (const { index, value } of presence.windows) {
      const [start, end] = [time(slots[index]!.start), time(slots[index]!.end)];
      xml.leaf('attvalue', { for: 'interactions', value: value.interactions, start, end });
      xml.leaf('attvalue', { for: 'weight', value: value.weight, start, end });
    }
    xml.close();
    spells(xml, presence, slots, time);
    xml.close();
    if (xml.buffered() >= CHUNK_SIZE) yield xml.take();
  }
  xml.end();
  yield xml.take();
}

function record<T>(map: Map<string, Presence<T>>, key: string, index: number, value: T): void {
  const presence = map.get(key);
  if (presence === undefined) map.set(key, { first: value, windows: [{ index, value }] });
  else presence.windows.push({ index, value });
}

function declare(
  xml: XmlChunkWriter,
  cls: 'node' | 'edge',
  mode: 'static' | 'dynamic',
  columns: readonly (readonly [string, ColumnType])[],
) {
  xml.open('attributes', { class: cls, mode });
  for (const [name, type] of columns) xml.leaf('attribute', { id: name, title: name, type: type === 'int' ? 'integer' : type });
  xml.close();
}

/** One spell per run of windows whose slots touch. */
function spells<T>(xml: XmlChunkWriter, presence: Presence<T>, slots: readonly Slot[], time: (ms: number) => string): void {
  const runs: Slot[] = [];
  for (const { index } of presence.windows) {
    const slot = slots[index]!;
    const run = runs[runs.length - 1];
    if (run !== undefined && run.end === slot.start) runs[runs.length - 1] = { start: run.start, end: slot.end };
    else runs.push(slot);
  }
  xml.open('spells');
  for (const run of runs) xml.leaf('spell', { start: time(run.start), end: time(run.end) });
  xml.close();
}

function isMidnight(ms: number): boolean {
  return ms % 86_400_000 === 0;
}
