/** The benchmark's generated interaction log, and the series of windows it is measured over. */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ActorInput, ActorKind } from '../../src/domain/actor';
import type { InteractionInput, InteractionKind } from '../../src/domain/interaction';
import { addSteps, type SeriesInput } from '../../src/metrics/series';

export interface LogShape {
  readonly seed: number;
  readonly actors: number;
  readonly intermediaries: number;
  readonly interactions: number;
  readonly weeks: number;
  readonly start: Date;
}

export const LOG_SHAPE: LogShape = {
  seed: 20_230_807,
  actors: 5_000,
  intermediaries: 150,
  interactions: 200_000,
  weeks: 104,
  start: new Date('2023-08-07T00:00:00Z'),
};

const WEEK_MS = 7 * 86_400_000;
/** Share of interactions that repeat a recent pair. */
const REPEAT_SHARE = 0.6;

export interface InteractionLog {
  readonly actors: ActorInput[];
  readonly interactions: InteractionInput[];
}

/** The whole span of the log. */
export function logRange(shape: LogShape): { from: Date; to: Date } {
  return { from: shape.start, to: new Date(shape.start.getTime() + shape.weeks * WEEK_MS) };
}

/**
 * The series the benchmark computes: weekly windows of 13 weeks over the whole log, or with
 * `quarters` its back-to-back quarters (windows of the same size, 13× fewer); `windows` > 0
 * only its first that many quarters (the scaling run).
 */
export function logSeries(shape: LogShape, quarters: boolean, windows = 0): SeriesInput {
  const range = logRange(shape);
  if (windows > 0)
    return {
      from: range.from,
      to: new Date(Math.min(range.to.getTime(), addSteps(range.from, 'QUARTER', windows).getTime())),
      step: 'QUARTER',
      windowSize: 1,
    };
  if (quarters) return { ...range, step: 'QUARTER', windowSize: 1 };
  return { ...range, step: 'WEEK', windowSize: 13 };
}

/**
 * The benchmark's interaction log. Actor 0 is the FOUNDATION, the next `intermediaries` (150) are
 * INTERMEDIARY, the rest SCHOOL (each affiliated to an intermediary). Each week gets its
 * share of the interactions at random times. Of the interactions:
 * - 60% repeat the initiator and first participant of one of the 20,000 previous ones
 *   (ties are renewed, so a 13-week window has about 22,000 distinct ties, not 25,000);
 * - the others draw their actors by preferential attachment: with probability 0.8 an
 *   actor of an earlier interaction (so in proportion to past activity), else any actor
 *   uniformly; 34 points are one-to-one, 5 groups of 2–3 participants, 0.6 groups of 4–8
 *   (co-participation ties) and 0.4 convenings of 12–40 (above the co-participation limit).
 * The foundation is the initiator of a new interaction with probability 5% in the first
 * week, falling linearly to 1% in the last, and is left out of the attachment pool, so
 * its share of the ties falls over time.
 */
export function generateInteractionLog(shape = LOG_SHAPE): InteractionLog {
  const rng = xoroshiro128plus(shape.seed);
  const ids = Array.from({ length: shape.actors }, (_, i) => `org-${String(i).padStart(4, '0')}`);
  const kindOf = (i: number): ActorKind => (i === 0 ? 'FOUNDATION' : i <= shape.intermediaries ? 'INTERMEDIARY' : 'SCHOOL');
  const actors: ActorInput[] = ids.map((id, i) => ({
    id,
    name: `${kindOf(i) === 'SCHOOL' ? 'School' : kindOf(i) === 'INTERMEDIARY' ? 'Intermediary' : 'Foundation'} ${i}`,
    kind: kindOf(i),
    region: null,
    tags: [],
    affiliationId: kindOf(i) === 'SCHOOL' ? ids[uniformInt(rng, 1, shape.intermediaries)]! : null,
  }));

  const endpoints = new Int32Array(shape.interactions * 8);
  let endpointCount = 0;
  const pick = (): number =>
    endpointCount === 0 || uniformFloat64(rng) < 0.2
      ? uniformInt(rng, 0, shape.actors - 1)
      : endpoints[uniformInt(rng, 0, endpointCount - 1)]!;

  const interactions: InteractionInput[] = [];
  for (let week = 0; week < shape.weeks; week++) {
    const count = Math.floor(((week + 1) * shape.interactions) / shape.weeks) - Math.floor((week * shape.interactions) / shape.weeks);
    const foundationShare = 0.05 - (0.04 * week) / (shape.weeks - 1);
    const times = Array.from(
      { length: count },
      () => shape.start.getTime() + week * WEEK_MS + Math.floor(uniformFloat64(rng) * WEEK_MS),
    ).sort((a, b) => a - b);
    for (const time of times) {
      const roll = uniformFloat64(rng);
      if (roll < REPEAT_SHARE && interactions.length > 0) {
        // a recent pair meets again
        const past = interactions[uniformInt(rng, Math.max(0, interactions.length - 20_000), interactions.length - 1)]!;
        interactions.push({
          ...past,
          externalId: `bench-${interactions.length}`,
          occurredAt: new Date(time),
          participantIds: past.participantIds.slice(0, 1),
        });
        continue;
      }
      const initiator = uniformFloat64(rng) < foundationShare ? 0 : pick();
      const [size, kind]: [number, InteractionKind] =
        roll < 0.94
          ? [1, (['PEER_EXCHANGE', 'TECHNICAL_ASSISTANCE', 'SITE_VISIT', 'GRANT'] as const)[uniformInt(rng, 0, 3)]!]
          : roll < 0.99
            ? [uniformInt(rng, 2, 3), 'VIRTUAL_SESSION']
            : roll < 0.996
              ? [uniformInt(rng, 4, 8), 'PEER_EXCHANGE']
              : [uniformInt(rng, 12, 40), 'CONVENING'];
      const participants = new Set<number>();
      while (participants.size < size) {
        const p = pick();
        if (p !== initiator) participants.add(p);
      }
      for (const actor of [initiator, ...participants]) {
        if (actor !== 0 && endpointCount < endpoints.length) endpoints[endpointCount++] = actor;
      }
      interactions.push({
        externalId: `bench-${interactions.length}`,
        kind,
        occurredAt: new Date(time),
        initiatorId: ids[initiator]!,
        participantIds: [...participants].map((p) => ids[p]!),
        weight: 1,
      });
    }
  }
  return { actors, interactions };
}
