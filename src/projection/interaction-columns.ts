import { INTERACTION_KINDS, type Interaction, type InteractionKind } from '../domain/interaction';
import { compareIds } from './compare-ids';

/**
 * A time-ordered list of interactions held as columns, for a series that reads a long
 * range once and projects many windows out of it: columns take about a tenth of the heap
 * of Interaction objects (`npm run bench:metrics` prints the series' memory).
 *
 * Kept per interaction: occurredAt (epoch ms), kind, weight, initiator and participants
 * (as numbers into `actorIds`, the table of distinct actor ids in order of first
 * appearance). Not kept: id, externalId and note, which no projection reads.
 *
 * `window(from, to)` gives the interactions with from ≤ occurredAt < to, in list order, as
 * an iterable of Interaction views for projectTieNetwork. Every view is the same object,
 * overwritten at each step: read it during the step, never keep it (its `id` is
 * `#position`, its externalId and note null).
 */
export class InteractionColumns {
  /** Distinct actor ids, in order of first appearance. */
  readonly actorIds: string[] = [];
  private readonly actorNumbers = new Map<string, number>();
  private count = 0;
  private times = new Float64Array(1024);
  private weights = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private initiators = new Int32Array(1024);
  /** Participants of interaction i: participants[participantStart[i] .. participantStart[i + 1]). */
  private participantStart = new Int32Array(1025);
  private participants = new Int32Array(2048);
  private lastTime = -Infinity;
  /** Each actor number's position in id order (compareIds), built once for the table as it is (see idRanks). */
  private ranks: Int32Array = new Int32Array(0);

  /** Appends an interaction; they must come in occurredAt order. */
  push(interaction: Interaction): void {
    this.append(
      interaction.occurredAt.getTime(),
      interaction.kind,
      interaction.weight,
      interaction.initiatorId,
      interaction.participantIds,
      interaction.id,
    );
  }

  /**
   * Appends an interaction given by its fields (a store reading rows straight into columns,
   * without an Interaction object each); they must come in occurredAt order and be of a known
   * kind (a kind outside INTERACTION_KINDS would be kept as 255 and lost from every count).
   * `id` only names it in the errors.
   */
  append(at: number, kind: InteractionKind, weight: number, initiatorId: string, participantIds: readonly string[], id: string): void {
    if (at < this.lastTime) throw new Error(`InteractionColumns: interaction ${id} is out of time order`);
    const kindIndex = INTERACTION_KINDS.indexOf(kind);
    if (kindIndex < 0)
      throw new Error(
        `InteractionColumns: interaction ${id} has the kind ${JSON.stringify(kind)}, not one of ${INTERACTION_KINDS.join(', ')}`,
      );
    this.lastTime = at;
    const i = this.count;
    if (i === this.times.length) this.growRows(2 * i);
    const start = this.participantStart[i]!;
    const end = start + participantIds.length;
    if (end > this.participants.length) this.participants = grown(this.participants, Math.max(end, 2 * this.participants.length));
    this.times[i] = at;
    this.weights[i] = weight;
    this.kinds[i] = kindIndex;
    this.initiators[i] = this.numberOf(initiatorId);
    let p = start;
    for (const participant of participantIds) this.participants[p++] = this.numberOf(participant);
    this.participantStart[i + 1] = end;
    this.count = i + 1;
  }

  /** Number of interactions. */
  get length(): number {
    return this.count;
  }

  /** The occurredAt (epoch ms) of the last interaction appended; -Infinity while there is none. */
  get lastOccurredAt(): number {
    return this.lastTime;
  }

  /** Drops the spare room left by growing; call once every interaction is in. */
  trim(): void {
    this.growRows(this.count);
    this.participants = grown(this.participants, this.participantStart[this.count]!);
  }

  /** The interactions with from ≤ occurredAt < to (epoch ms), as reused views (see the class comment). */
  window(from: number, to: number): Iterable<Interaction> {
    const first = this.lowerBound(from);
    const last = this.lowerBound(to);
    return { [Symbol.iterator]: () => this.views(first, last) };
  }

  private *views(first: number, last: number): Generator<Interaction> {
    const occurredAt = new Date(0);
    const participantIds: string[] = [];
    const view = {
      id: '',
      externalId: null,
      kind: INTERACTION_KINDS[0] as InteractionKind,
      occurredAt,
      initiatorId: '',
      participantIds,
      weight: 0,
      note: null,
    };
    for (let i = first; i < last; i++) {
      view.id = `#${i}`;
      view.kind = INTERACTION_KINDS[this.kinds[i]!]!;
      occurredAt.setTime(this.times[i]!);
      view.initiatorId = this.actorIds[this.initiators[i]!]!;
      view.weight = this.weights[i]!;
      participantIds.length = 0;
      for (let p = this.participantStart[i]!; p < this.participantStart[i + 1]!; p++)
        participantIds.push(this.actorIds[this.participants[p]!]!);
      yield view;
    }
  }

  /**
   * The interactions with from ≤ occurredAt < to as the rows [first, last) of the columns
   * themselves (not copies: read them, never write), for projectColumnTies.
   */
  rows(from: number, to: number): InteractionRows {
    return {
      first: this.lowerBound(from),
      last: this.lowerBound(to),
      actorIds: this.actorIds,
      idRanks: this.idRanks(),
      times: this.times,
      weights: this.weights,
      kinds: this.kinds,
      initiators: this.initiators,
      participantStart: this.participantStart,
      participants: this.participants,
    };
  }

  /** How many interactions have from ≤ occurredAt < to (epoch ms). */
  countBetween(from: number, to: number): number {
    return Math.max(0, this.lowerBound(to) - this.lowerBound(from));
  }

  /**
   * The interactions with from ≤ occurredAt < to as plain typed arrays and the actor table,
   * copied, to post to a worker thread (transfer the arrays' buffers); `fromParts` rebuilds.
   */
  parts(from: number, to: number): InteractionColumnParts {
    const first = this.lowerBound(from);
    const last = this.lowerBound(to);
    const base = this.participantStart[first]!;
    const participantStart = this.participantStart.slice(first, last + 1);
    for (let i = 0; i < participantStart.length; i++) participantStart[i]! -= base;
    return {
      actorIds: this.actorIds,
      times: this.times.slice(first, last),
      weights: this.weights.slice(first, last),
      kinds: this.kinds.slice(first, last),
      initiators: this.initiators.slice(first, last),
      participantStart,
      participants: this.participants.slice(base, this.participantStart[last]),
    };
  }

  static fromParts(parts: InteractionColumnParts): InteractionColumns {
    const columns = new InteractionColumns();
    parts.actorIds.forEach((id) => columns.numberOf(id));
    columns.count = parts.times.length;
    columns.times = parts.times;
    columns.weights = parts.weights;
    columns.kinds = parts.kinds;
    columns.initiators = parts.initiators;
    columns.participantStart = parts.participantStart;
    columns.participants = parts.participants;
    columns.lastTime = columns.count > 0 ? parts.times[columns.count - 1]! : -Infinity;
    return columns;
  }

  /** First position whose occurredAt is at or after t. */
  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Each actor number's position among actorIds in id order: a series sorts its ids once, and
   * each window orders its actors by these numbers instead of comparing strings.
   */
  private idRanks(): Int32Array {
    if (this.ranks.length !== this.actorIds.length) {
      const ids = this.actorIds;
      const order = ids.map((_id, k) => k).sort((x, y) => compareIds(ids[x]!, ids[y]!));
      this.ranks = new Int32Array(ids.length);
      order.forEach((k, r) => (this.ranks[k] = r));
    }
    return this.ranks;
  }

  private numberOf(id: string): number {
    let n = this.actorNumbers.get(id);
    if (n === undefined) {
      n = this.actorIds.push(id) - 1;
      this.actorNumbers.set(id, n);
    }
    return n;
  }

  private growRows(rows: number): void {
    this.times = grown(this.times, rows);
    this.weights = grown(this.weights, rows);
    this.kinds = grown(this.kinds, rows);
    this.initiators = grown(this.initiators, rows);
    this.participantStart = grown(this.participantStart, rows + 1);
  }
}

/** Rows of InteractionColumns (see `rows`): kinds index INTERACTION_KINDS, actors number into actorIds. */
export interface InteractionRows {
  readonly first: number;
  readonly last: number;
  readonly actorIds: readonly string[];
  /** Actor number → its position among actorIds in id order (compareIds). */
  readonly idRanks: Int32Array;
  readonly times: Float64Array;
  readonly weights: Float64Array;
  readonly kinds: Uint8Array;
  readonly initiators: Int32Array;
  /** Participants of row i: participants[participantStart[i] .. participantStart[i + 1]). */
  readonly participantStart: Int32Array;
  readonly participants: Int32Array;
}

/** InteractionColumns as transferable data (see `parts`). */
export interface InteractionColumnParts {
  readonly actorIds: readonly string[];
  readonly times: Float64Array<ArrayBuffer>;
  readonly weights: Float64Array<ArrayBuffer>;
  readonly kinds: Uint8Array<ArrayBuffer>;
  readonly initiators: Int32Array<ArrayBuffer>;
  readonly participantStart: Int32Array<ArrayBuffer>;
  readonly participants: Int32Array<ArrayBuffer>;
}

/** The buffers of InteractionColumnParts, to transfer rather than copy. */
export function partsBuffers(parts: InteractionColumnParts): ArrayBuffer[] {
  return [parts.times, parts.weights, parts.kinds, parts.initiators, parts.participantStart, parts.participants].map((a) => a.buffer);
}

/** A copy of `array` resized to `length` (cut or zero-filled). */
function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, length: number): T {
  if (length === array.length) return array;
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(length < array.length ? array.subarray(0, length) : array);
  return copy;
}
