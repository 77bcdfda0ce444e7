import type { Actor } from '../../../src/domain/actor';
import type { Interaction } from '../../../src/domain/interaction';
import type { StoredRating } from '../../../src/domain/survey';
import { coverageOf, responseRateOf } from '../../../src/metrics/survey/coverage';
import { formPartners } from '../../../src/metrics/survey/form-partners';
import { trustOf, valueOf } from '../../../src/metrics/survey/rating-scores';
import { scoreSurvey, withPrivacy, type ActorScores } from '../../../src/metrics/survey/survey-scores';
import { loggedTiesOf } from '../../../src/metrics/survey/tie-confirmation';
import { projectTieNetwork } from '../../../src/projection/project-network';

/*
 * The labelled roster (hand-computed; every rule bites):
 *   roster ana ben cal dee eli fay; zed is an actor off the roster.
 *   logged ties in the window: ana–ben ×3, ben–cal ×2, ana–cal, cal–dee, dee–fay, eli–fay, ana–zed (off roster).
 *   respondents: ana ben cal dee (4 of 6: 0.667, DIRECTIONAL); eli and fay never answer (non-responding ends).
 *   ratings (rel open miss | infl res inv; - = unanswered):
 *     ana→ben 4 3 4 | 3 2 4   trust 11/3  value 3
 *     ana→cal 2 - 3 | - - -   trust 2.5   value null   (unanswered items)
 *     ana→eli 3 3 3 | 2 2 2   trust 3     value 2      (no logged tie: unlogged)
 *     ben→ana 4 4 4 | 4 4 4   trust 4     value 4
 *     ben→cal workedTogether=false, no items            (ben–cal is a one-way confirmation)
 *     cal→ana 4 4 4 | 4 3 -   trust 4     value 3.5
 *     cal→ben 3 2 4 | 1 2 3   trust 3     value 2
 *     cal→dee all unanswered  trust null  value null   (marks the tie, rates nothing)
 *     dee→ana 2 2 2 | - - -   trust 2     value null   (no logged tie: unlogged)
 *     dee→cal 1 2 3 | 2 2 2   trust 2     value 2
 *   dee never marks fay: dee–fay has one responding end and is not confirmed.
 */
const ROSTER = ['ana', 'ben', 'cal', 'dee', 'eli', 'fay'];
const ACTORS = new Map<string, Actor>(
  [...ROSTER, 'zed'].map((id) => [id, { id, name: id.toUpperCase(), kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null }]),
);

let seq = 0;
function visit(initiatorId: string, participantId: string): Interaction {
  seq += 1;
  const occurredAt = new Date(Date.UTC(2024, 8, seq));
  return {
    id: `i${seq}`,
    externalId: null,
    kind: 'SITE_VISIT',
    occurredAt,
    initiatorId,
    participantIds: [participantId],
    weight: 1,
    note: null,
  };
}
const LOG = [
  visit('ana', 'ben'),
  visit('ben', 'ana'),
  visit('ana', 'ben'),
  visit('ben', 'cal'),
  visit('cal', 'ben'),
  visit('ana', 'cal'),
  visit('dee', 'cal'),
  visit('fay', 'dee'),
  visit('eli', 'fay'),
  visit('zed', 'ana'),
];

type Items = [number | null, number | null, number | null, number | null, number | null, number | null];
const AT = new Date('2024-10-01T00:00:00Z');
function rated(respondentId: string, partnerId: string, items: Items | null): StoredRating {
  const [reliability, openness, sharedMission, influence, resources, involvement] = items ?? [null, null, null, null, null, null];
  return {
    respondentId,
    partnerId,
    workedTogether: items !== null,
    reliability,
    openness,
    sharedMission,
    influence,
    resources,
    involvement,
    submittedAt: AT,
  };
}
const _ = null;
const RATINGS: StoredRating[] = [
  rated('ana', 'ben', [4, 3, 4, 3, 2, 4]),
  rated('ana', 'cal', [2, _, 3, _, _, _]),
  rated('ana', 'eli', [3, 3, 3, 2, 2, 2]),
  rated('ben', 'ana', [4, 4, 4, 4, 4, 4]),
  rated('ben', 'cal', null),
  rated('cal', 'ana', [4, 4, 4, 4, 3, _]),
  rated('cal', 'ben', [3, 2, 4, 1, 2, 3]),
  rated('cal', 'dee', [_, _, _, _, _, _]),
  rated('dee', 'ana', [2, 2, 2, _, _, _]),
  rated('dee', 'cal', [1, 2, 3, 2, 2, 2]),
];

const network = projectTieNetwork(LOG, ACTORS).network;
const ties = loggedTiesOf(network, new Set(ROSTER));
const scores = scoreSurvey({ rosterIds: ROSTER, ratings: RATINGS, ties });

const close = (value: number) => expect.closeTo(value, 12);
function items(rel: number | null, open: number | null, miss: number | null, infl: number | null, res: number | null, inv: number | null) {
  const c = (v: number | null) => (v === null ? null : close(v));
  return { reliability: c(rel), openness: c(open), sharedMission: c(miss), influence: c(infl), resources: c(res), involvement: c(inv) };
}
const NO_ITEMS = items(_, _, _, _, _, _);

describe('trust and value of one rating', () => {
  it('is the mean of the answered items of each kind, null when none is answered or they did not work together', () => {
    expect(trustOf(RATINGS[0]!)).toBeCloseTo(11 / 3, 12);
    expect(valueOf(RATINGS[0]!)).toBe(3);
    expect(trustOf(RATINGS[1]!)).toBe(2.5);
    expect(valueOf(RATINGS[1]!)).toBeNull();
    expect(trustOf(RATINGS[4]!)).toBeNull(); // workedTogether = false
    expect(valueOf(RATINGS[4]!)).toBeNull();
    expect(trustOf(RATINGS[7]!)).toBeNull(); // worked together, answered nothing
    // items given on a workedTogether=false rating (the validator refuses them) count for nothing
    expect(trustOf({ ...RATINGS[4]!, reliability: 4 })).toBeNull();
  });
});

describe('coverage bands', () => {
  it('is HIGH from 0.8, DIRECTIONAL from 0.65, CAUTION below', () => {
    expect([0.8, 0.7999, 0.65, 0.6499, 0, 1].map(coverageOf)).toEqual(['HIGH', 'DIRECTIONAL', 'DIRECTIONAL', 'CAUTION', 'CAUTION', 'HIGH']);
    expect(responseRateOf(4, 5)).toBe(0.8);
    expect(coverageOf(responseRateOf(4, 5))).toBe('HIGH');
    expect(coverageOf(responseRateOf(13, 20))).toBe('DIRECTIONAL'); // 0.65 exactly
    expect(responseRateOf(0, 0)).toBe(0);
  });
});

describe('a survey of the labelled roster', () => {
  it('keeps only the logged ties with both ends on the roster', () => {
    expect(ties).toEqual([
      { a: 'ana', b: 'ben', interactions: 3 },
      { a: 'ana', b: 'cal', interactions: 1 },
      { a: 'ben', b: 'cal', interactions: 2 },
      { a: 'cal', b: 'dee', interactions: 1 },
      { a: 'dee', b: 'fay', interactions: 1 },
      { a: 'eli', b: 'fay', interactions: 1 },
    ]);
  });

  it('gives the response rate, its coverage band and the network means', () => {
    expect(scores).toMatchObject({
      rosterSize: 6,
      respondentCount: 4,
      responseRate: close(4 / 6),
      coverage: 'DIRECTIONAL',
      ratingCount: 9,
      networkTrust: close((11 / 3 + 2.5 + 3 + 4 + 4 + 3 + 2 + 2) / 8),
      networkValue: close((3 + 2 + 4 + 3.5 + 2 + 2) / 6),
    });
    expect(scores.networkTrust).toBeCloseTo(145 / 48, 12);
    expect(scores.networkValue).toBe(2.75);
  });

  it('gives each roster actor the scores others gave it', () => {
    const expected: ActorScores[] = [
      {
        actorId: 'ana',
        responded: true,
        raters: 3, // ben, cal, dee (dee's value is unanswered: value over 2)
        trustReceived: close(10 / 3),
        valueReceived: close(3.75),
        itemMeans: items(10 / 3, 10 / 3, 10 / 3, 4, 3.5, 4),
      },
      {
        actorId: 'ben',
        responded: true,
        raters: 2,
        trustReceived: close(10 / 3),
        valueReceived: close(2.5),
        itemMeans: items(3.5, 2.5, 4, 2, 2, 3.5),
      },
      {
        actorId: 'cal', // ben did not work with cal: not a rater
        responded: true,
        raters: 2,
        trustReceived: close(2.25),
        valueReceived: close(2),
        itemMeans: items(1.5, 2, 3, 2, 2, 2),
      },
      { actorId: 'dee', responded: true, raters: 0, trustReceived: null, valueReceived: null, itemMeans: NO_ITEMS },
      { actorId: 'eli', responded: false, raters: 1, trustReceived: 3, valueReceived: 2, itemMeans: items(3, 3, 3, 2, 2, 2) },
      { actorId: 'fay', responded: false, raters: 0, trustReceived: null, valueReceived: null, itemMeans: NO_ITEMS },
    ];
    expect(scores.actors).toEqual(expected);
  });

  it('counts the logged ties the respondents confirm, and the ties the log is missing', () => {
    // one responding end or more: ana–ben ana–cal ben–cal cal–dee dee–fay (eli–fay has none); all but dee–fay marked
    expect(scores.loggedTies).toBe(6);
    expect(scores.confirmedShare).toBe(4 / 5);
    // both ends responding: ana–ben ana–cal ben–cal cal–dee; ben–cal is marked by cal only
    expect(scores.mutuallyConfirmedShare).toBe(3 / 4);
    expect(scores.unloggedTies).toEqual([
      { a: 'ana', b: 'dee' },
      { a: 'ana', b: 'eli' },
    ]);
  });

  it('hides the received scores of actors with fewer than 3 raters from callers below admin', () => {
    const shown = withPrivacy(scores);
    expect(shown.actors.map((a) => [a.actorId, a.raters, a.trustReceived, a.valueReceived, a.itemMeans.reliability])).toEqual([
      ['ana', 3, close(10 / 3), 3.75, close(10 / 3)],
      ['ben', 2, null, null, null],
      ['cal', 2, null, null, null],
      ['dee', 0, null, null, null],
      ['eli', 1, null, null, null],
      ['fay', 0, null, null, null],
    ]);
    expect(shown.actors[1]!.itemMeans).toEqual(NO_ITEMS);
    // the network figures stay: they are means over many ratings
    expect(shown.networkTrust).toBe(scores.networkTrust);
    expect(shown.unloggedTies).toBe(scores.unloggedTies);
  });

  it('leaves out answers off the roster or about the respondent itself', () => {
    const extra = [
      ...RATINGS,
      rated('zed', 'ana', [1, 1, 1, 1, 1, 1]),
      rated('ana', 'zed', [1, 1, 1, 1, 1, 1]),
      rated('fay', 'fay', [1, 1, 1, 1, 1, 1]),
    ];
    expect(scoreSurvey({ rosterIds: ROSTER, ratings: extra, ties })).toEqual(scores);
  });

  it('has null shares and means when nobody answered', () => {
    const none = scoreSurvey({ rosterIds: ROSTER, ratings: [], ties });
    expect(none).toMatchObject({
      respondentCount: 0,
      responseRate: 0,
      coverage: 'CAUTION',
      ratingCount: 0,
      networkTrust: null,
      networkValue: null,
      loggedTies: 6,
      confirmedShare: null,
      mutuallyConfirmedShare: null,
      unloggedTies: [],
    });
  });
});

describe("a respondent's form", () => {
  it('lists the tied roster actors, most interactions first, then any actor already rated', () => {
    const own = RATINGS.filter((r) => r.respondentId === 'ana');
    expect(formPartners('ana', ROSTER, ties, own).map((p) => [p.partnerId, p.interactions, p.rating?.reliability ?? null])).toEqual([
      ['ben', 3, 4],
      ['cal', 1, 2],
      ['eli', 0, 3],
    ]);
    expect(formPartners('fay', ROSTER, ties, []).map((p) => [p.partnerId, p.interactions, p.rating])).toEqual([
      ['dee', 1, null],
      ['eli', 1, null],
    ]);
  });
});
