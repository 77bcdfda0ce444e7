import pagerankOf from 'graphology-metrics/centrality/pagerank';
import modularityOf from 'graphology-metrics/graph/modularity';
import type { Actor } from '../../src/domain/actor';
import type { Interaction, InteractionKind } from '../../src/domain/interaction';
import type { Scope } from '../../src/domain/scope';
import { generateDemoNetwork } from '../../src/demo/generate-demo-network';
import { communities } from '../../src/metrics/actor/community';
import { louvainGraphView } from '../../src/metrics/actor/louvain-view';
import { pagerank } from '../../src/metrics/actor/pagerank';
import { measuredNetwork, measuredTies, measureGraph } from '../../src/metrics/compute-snapshot';
import { indexGraph, indexTies } from '../../src/metrics/graph-index';
import { modularity } from '../../src/metrics/network/modularity';
import { projectTies, tieNetworkOf, type TieProjection } from '../../src/projection/project-network';

// A series measures a window's TieTable without building its graphology graph (measuredTies):
// every figure must be the one the graph gave, bit for bit (toEqual compares numbers with Object.is).

const demo = generateDemoNetwork();
const actors = new Map<string, Actor>(demo.actors.map((actor) => [actor.id, actor]));
const interactions: Interaction[] = demo.interactions.map((input, i) => ({
  id: `d${i}`,
  externalId: input.externalId ?? null,
  kind: input.kind as InteractionKind,
  occurredAt: new Date(input.occurredAt),
  initiatorId: input.initiatorId,
  participantIds: [...input.participantIds],
  weight: input.weight ?? 1,
  note: null,
}));

const WEEK = 7 * 24 * 3600 * 1000;
const START = Date.UTC(2018, 9, 1);

/** Every 34th weekly 13-week window of the demo, under three scopes, and an empty window. */
const cases: { name: string; projection: TieProjection }[] = [{ name: 'no interactions', projection: projectTies([], actors) }];
const scopes: { name: string; scope: Scope; limit?: number }[] = [
  { name: 'all', scope: {} },
  { name: 'schools', scope: { actorKinds: ['SCHOOL'] } },
  { name: 'initiator ties only', scope: {}, limit: 0 },
];
for (let week = 0; week < 338; week += 34) {
  const from = START + week * WEEK;
  const to = from + 13 * WEEK;
  const inWindow = interactions.filter((x) => x.occurredAt.getTime() >= from && x.occurredAt.getTime() < to);
  for (const { name, scope, limit } of scopes) {
    cases.push({ name: `week ${week}, ${name}`, projection: projectTies(inWindow, actors, scope, { coParticipationLimit: limit }) });
  }
}

describe('measuring a TieTable without its graphology graph', () => {
  it('covers windows with and without ties', () => {
    expect(cases.some(({ projection }) => projection.ties.lo.length > 1000)).toBe(true);
    expect(cases.some(({ projection }) => projection.ties.lo.length === 0)).toBe(true);
  });

  it.each(cases)('$name: the index, pagerank, Louvain and modularity equal the graph’s', ({ projection }) => {
    const network = tieNetworkOf(projection.ties);
    const index = indexTies(projection.ties);
    expect(index).toEqual(indexGraph(network));
    if (index.ids.length === 0) return;
    const rank = pagerank(index);
    const graphology = pagerankOf(network, { getEdgeWeight: null, alpha: 0.85, maxIterations: 100, tolerance: 1e-6 });
    expect(rank).toEqual(Float64Array.from(index.ids, (id) => graphology[id]!));
    const onView = communities(louvainGraphView(index), index);
    expect(onView).toEqual(communities(network, index));
    if (index.size === 0) return;
    expect(modularity(index, onView.membership)).toBe(
      modularityOf(network, { getEdgeWeight: null, getNodeCommunity: (node: string) => onView.membership[index.position.get(node)!]! }),
    );
  });

  it.each(cases)('$name: measureGraph gives the same figures and columns', ({ projection }) => {
    const window = { from: new Date(START), to: new Date(START + WEEK) };
    const fromTable = measureGraph(measuredTies(projection.ties), window, projection);
    const fromGraph = measureGraph(measuredNetwork(tieNetworkOf(projection.ties)), window, projection);
    expect(fromTable).toEqual(fromGraph);
  });
});
