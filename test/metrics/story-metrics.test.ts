import type { Actor, ActorKind } from '../../src/domain/actor';
import type { Interaction } from '../../src/domain/interaction';
import { computeSnapshot } from './compute-snapshot';
import { initiativeByKind } from './initiative-by-kind';
import type { NetworkSnapshot } from '../../src/metrics/snapshot';
import { tieChange } from '../../src/metrics/tie-changes';
import { projectTieNetwork } from '../../src/projection/project-network';
import { createTieNetwork } from '../../src/projection/tie-network';

const WINDOW = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2021-01-01T00:00:00Z') };

function actor(id: string, kind: ActorKind, affiliationId: string | null = null): Actor {
  return { id, name: id, kind, region: null, tags: [], affiliationId };
}

/**
 * A small labelled Community of Practice: foundation F, intermediaries I1 and I2, schools
 * s1a and s1b of I1's network, s2a of I2's, u unaffiliated, x affiliated to the support
 * partner p (so in no network).
 */
const ACTORS = new Map(
  [
    actor('F', 'FOUNDATION'),
    actor('I1', 'INTERMEDIARY'),
    actor('I2', 'INTERMEDIARY'),
    actor('s1a', 'SCHOOL', 'I1'),
    actor('s1b', 'SCHOOL', 'I1'),
    actor('s2a', 'SCHOOL', 'I2'),
    actor('u', 'SCHOOL'),
    actor('p', 'SUPPORT_PARTNER'),
    actor('x', 'SCHOOL', 'p'),
  ].map((a) => [a.id, a]),
);

let counter = 0;
function interaction(initiatorId: string, participantIds: string[], at = '2020-03-01T10:00:00Z'): Interaction {
  counter += 1;
  return {
    id: `i${counter}`,
    externalId: null,
    kind: 'OTHER',
    occurredAt: new Date(at),
    initiatorId,
    participantIds,
    weight: 1,
    note: null,
  };
}

const LOG = [
  interaction('F', ['I1', 'I2']), // F–I1, F–I2: FOUNDATION
  interaction('I1', ['s1a', 's1b']), // WITHIN ×2
  interaction('s1a', ['s2a']), // CROSS
  interaction('I1', ['I2']), // CROSS
  interaction('p', ['I2', 'u']), // OTHER ×2
  interaction('u', ['s1b']), // OTHER: u has no network
  interaction('I2', ['s2a']), // WITHIN
  interaction('I1', ['s1a']), // the same tie again
  interaction('p', ['x']), // OTHER: x's affiliation is not an intermediary
];

function snapshotOf(log: Interaction[], scope = {}, coParticipationLimit = 0): NetworkSnapshot {
  const projection = projectTieNetwork(log, ACTORS, scope, { coParticipationLimit });
  return computeSnapshot(projection.network, WINDOW, projection);
}

describe('tie classes, tie mix, E-I index and initiative on a labelled network', () => {
  it('gives each actor its network: intermediaries their own, schools their intermediary’s, others none', () => {
    const { network } = projectTieNetwork(LOG, ACTORS, {}, { coParticipationLimit: 0 });
    expect(network.mapNodes((id, node) => [id, node.networkId])).toEqual([
      ['F', null],
      ['I1', 'I1'],
      ['I2', 'I2'],
      ['p', null],
      ['s1a', 'I1'],
      ['s1b', 'I1'],
      ['s2a', 'I2'],
      ['u', null],
      ['x', null],
    ]);
  });

  it('initiator ties only: 2 foundation, 3 within, 2 cross and 4 other ties of 11', () => {
    const snapshot = snapshotOf(LOG);
    expect(snapshot.tieCount).toBe(11);
    expect(snapshot.tieMix).toEqual({ foundation: 2 / 11, withinNetwork: 3 / 11, crossNetwork: 2 / 11, other: 4 / 11 });
    expect(snapshot.crossNetworkTieShare).toBe(2 / 11);
    expect(snapshot.eiIndex).toBe((2 - 3) / (2 + 3));
    expect(snapshot.peerTieShare).toBe(9 / 11);
    expect(snapshot.interactionCount).toBe(9);
    expect(snapshot.initiatedBy).toEqual(
      initiativeByKind({ FOUNDATION: [1, 1 / 9], INTERMEDIARY: [4, 4 / 9], SCHOOL: [2, 2 / 9], SUPPORT_PARTNER: [2, 2 / 9] }),
    );
    expect(snapshot.foundationInitiatedShare).toBe(1 / 9);
  });

  it('scoped to intermediaries and schools with co-participation ties: initiators outside the scope still count', () => {
    const snapshot = snapshotOf(LOG, { actorKinds: ['INTERMEDIARY', 'SCHOOL'] }, 8);
    // I1–I2 (co-participants of F's convening, and I1 → I2), I1–s1a, I1–s1b, s1a–s1b, I2–s2a: 4 within …
    // s1a–s2a, I1–I2: 2 cross; I2–u (co-participants of p's), u–s1b: 2 other. x has no in-scope tie.
    expect(snapshot.tieCount).toBe(8);
    expect(snapshot.tieMix).toEqual({ foundation: 0, withinNetwork: 4 / 8, crossNetwork: 2 / 8, other: 2 / 8 });
    expect(snapshot.eiIndex).toBe(-1 / 3);
    expect(snapshot.interactionCount).toBe(8); // p → x makes no tie in this scope
    expect(snapshot.initiatedBy.map((entry) => [entry.kind, entry.interactions])).toEqual([
      ['FOUNDATION', 1],
      ['INTERMEDIARY', 4],
      ['SCHOOL', 2],
      ['SUPPORT_PARTNER', 1],
    ]);
    expect(snapshot.foundationInitiatedShare).toBe(1 / 8);
  });

  it('schools only: one cross tie and one other, no within: E-I index +1', () => {
    const snapshot = snapshotOf(LOG, { actorKinds: ['SCHOOL'] });
    expect(snapshot.tieMix).toEqual({ foundation: 0, withinNetwork: 0, crossNetwork: 0.5, other: 0.5 });
    expect(snapshot.eiIndex).toBe(1);
    expect(snapshot.initiatedBy.map((entry) => entry.share)).toEqual([0, 0, 1, 0]);
  });

  it('no ties: every share 0, E-I index 0', () => {
    const snapshot = snapshotOf([]);
    expect(snapshot).toMatchObject({
      tieMix: { foundation: 0, withinNetwork: 0, crossNetwork: 0, other: 0 },
      eiIndex: 0,
      foundationInitiatedShare: 0,
    });
  });
});

describe('tie changes between two windows', () => {
  it('counts gained, lost and persistent ties as unordered pairs, and the cross-network ones gained', () => {
    const before = snapshotOf([interaction('F', ['I1']), interaction('I1', ['s1a']), interaction('s2a', ['s1a'])]);
    const after = snapshotOf([
      interaction('s1a', ['I1']), // kept, the other way round
      interaction('s1a', ['s2a']), // kept
      interaction('I1', ['I2']), // gained, cross
      interaction('s1b', ['s2a']), // gained, cross
      interaction('F', ['I2']), // gained, foundation
      interaction('I1', ['s1b']), // gained, within
    ]);
    const ids = (s: NetworkSnapshot) => ({ ids: s.actorColumns!.ids, ties: s.ties! });
    expect(tieChange(ids(before), ids(after))).toEqual({
      tiesGained: 4,
      tiesLost: 1,
      persistentTieShare: 2 / 6,
      crossNetworkTiesGained: 2,
      // before {F–I1, I1–s1a, s1a–s2a}, after 6 ties: 2 in both, union 3 + 6 − 2 = 7
      jaccard: 2 / 7,
      hamming: 5,
    });
    expect(tieChange(ids(after), ids(before))).toEqual({
      tiesGained: 1,
      tiesLost: 4,
      persistentTieShare: 2 / 3,
      crossNetworkTiesGained: 0,
      jaccard: 2 / 7,
      hamming: 5,
    });
    const empty = snapshotOf([]);
    expect(tieChange(ids(before), ids(empty))).toEqual({
      tiesGained: 0,
      tiesLost: 3,
      persistentTieShare: 0,
      crossNetworkTiesGained: 0,
      jaccard: 0,
      hamming: 3,
    });
  });

  it('Jaccard and Hamming: identical windows 1 and 0; disjoint windows 0 and the sum; two empty windows 0 and 0', () => {
    const ids = (s: NetworkSnapshot) => ({ ids: s.actorColumns!.ids, ties: s.ties! });
    const a = snapshotOf([interaction('F', ['I1']), interaction('I1', ['s1a'])]);
    const same = snapshotOf([interaction('s1a', ['I1']), interaction('I1', ['F'])]);
    const disjoint = snapshotOf([interaction('I2', ['s2a']), interaction('s2a', ['s1b']), interaction('p', ['u'])]);
    const empty = snapshotOf([]);
    expect(tieChange(ids(a), ids(same))).toMatchObject({ jaccard: 1, hamming: 0 });
    expect(tieChange(ids(a), ids(disjoint))).toMatchObject({ jaccard: 0, hamming: 5 });
    expect(tieChange(ids(empty), ids(empty))).toMatchObject({ jaccard: 0, hamming: 0 });
    expect(tieChange(ids(empty), ids(a))).toMatchObject({ jaccard: 0, hamming: 2 });
  });
});

describe('stage, on the archetypes', () => {
  function graph(edges: [string, string][]): NetworkSnapshot {
    const network = createTieNetwork();
    for (const [a, b] of edges) {
      for (const id of [a, b])
        if (!network.hasNode(id)) network.addNode(id, { name: id, kind: 'INTERMEDIARY', region: null, networkId: id });
      network.addEdge(a, b, { interactions: 1, weight: 1, firstAt: 0, lastAt: 0 });
    }
    return computeSnapshot(network, WINDOW, edges.length);
  }
  const star = (centre: string, leaves: number): [string, string][] =>
    Array.from({ length: leaves }, (_, i) => [centre, `${centre}-leaf${i}`]);

  it('a star is HUB_AND_SPOKE', () => {
    const snapshot = graph(star('hub', 6));
    expect(snapshot.stage).toBe('HUB_AND_SPOKE');
    expect(snapshot.mainCore).toEqual({ k: 1, size: 7, density: 2 / 7 });
  });

  it('disjoint triangles are SCATTERED_FRAGMENTS', () => {
    const triangles = ['a', 'b', 'c'].flatMap((t): [string, string][] => [
      [`${t}1`, `${t}2`],
      [`${t}2`, `${t}3`],
      [`${t}1`, `${t}3`],
    ]);
    const snapshot = graph(triangles);
    expect(snapshot.largestComponentFraction).toBeCloseTo(1 / 3, 12);
    expect(snapshot.stage).toBe('SCATTERED_FRAGMENTS');
    expect(snapshot.mainCore).toEqual({ k: 2, size: 9, density: 9 / 36 });
  });

  it('stars whose centres form a ring are MULTI_HUB', () => {
    const centres = ['c1', 'c2', 'c3', 'c4'];
    const ring: [string, string][] = centres.map((c, i) => [c, centres[(i + 1) % 4]!]);
    const snapshot = graph([...ring, ...centres.flatMap((c) => star(c, 3))]);
    expect(snapshot.largestComponentWithoutHubFraction).toBeCloseTo(12 / 15, 12);
    expect(snapshot.mainCore).toEqual({ k: 2, size: 4, density: 4 / 6 });
    expect(snapshot.stage).toBe('MULTI_HUB');
  });

  it('a clique with a pendant actor on each member is CORE_PERIPHERY', () => {
    const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
    const clique: [string, string][] = members.flatMap((a, i) => members.slice(i + 1).map((b): [string, string] => [a, b]));
    const snapshot = graph([...clique, ...members.map((m): [string, string] => [m, `${m}-pendant`])]);
    expect(snapshot.mainCore).toEqual({ k: 4, size: 5, density: 1 });
    expect(snapshot.stage).toBe('CORE_PERIPHERY');
  });

  it('a dense core holding more than half of the actors is MULTI_HUB, and no ties at all SCATTERED_FRAGMENTS', () => {
    const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
    const clique: [string, string][] = members.flatMap((a, i) => members.slice(i + 1).map((b): [string, string] => [a, b]));
    expect(graph([...clique, ['m1', 'p1'], ['m2', 'p2']]).stage).toBe('MULTI_HUB');
    expect(graph([]).stage).toBe('SCATTERED_FRAGMENTS');
  });
});
