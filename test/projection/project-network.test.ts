import type { Actor, ActorKind } from '../../src/domain/actor';
import type { Interaction, InteractionKind } from '../../src/domain/interaction';
import { DEFAULT_CO_PARTICIPATION_LIMIT } from '../../src/projection/co-participation-ties';
import type { Scope } from '../../src/domain/scope';
import { InteractionColumns } from '../../src/projection/interaction-columns';
import { projectColumnTies, projectTieNetwork, projectTies } from '../../src/projection/project-network';
import type { TieNetwork } from '../../src/projection/tie-network';

function actor(id: string, kind: ActorKind = 'INTERMEDIARY'): Actor {
  return { id, name: `Name of ${id}`, kind, region: id === 'f' ? 'WA' : null, tags: [], affiliationId: null };
}

const ACTORS = new Map(
  [
    actor('f', 'FOUNDATION'),
    actor('i1'),
    actor('i2'),
    actor('i3'),
    actor('s1', 'SCHOOL'),
    actor('s2', 'SCHOOL'),
    actor('p', 'SUPPORT_PARTNER'),
    ...Array.from({ length: 10 }, (_, k) => actor(`g${k}`, 'SCHOOL')),
  ].map((a) => [a.id, a]),
);

let seq = 0;
function interaction(
  initiatorId: string,
  participantIds: string[],
  at = '2020-01-15T10:00:00Z',
  options: { kind?: InteractionKind; weight?: number } = {},
): Interaction {
  seq += 1;
  return {
    id: `x${seq}`,
    externalId: null,
    kind: options.kind ?? 'SITE_VISIT',
    occurredAt: new Date(at),
    initiatorId,
    participantIds,
    weight: options.weight ?? 1,
    note: null,
  };
}

/** Ties as sorted "a-b" strings. */
function ties(network: TieNetwork): string[] {
  return network.mapEdges((_edge, _attributes, source, target) => `${source}-${target}`).sort();
}

describe('projection: initiator ties', () => {
  it('ties the initiator to each participant', () => {
    const { network, interactionCount } = projectTieNetwork([interaction('f', ['i1', 'i2'])], ACTORS, {}, { coParticipationLimit: 0 });
    expect(ties(network)).toEqual(['f-i1', 'f-i2']);
    expect(interactionCount).toBe(1);
  });

  it('makes nodes of the actors with a tie, carrying name, kind, region and network', () => {
    const { network } = projectTieNetwork([interaction('f', ['s1'])], ACTORS);
    expect(network.nodes()).toEqual(['f', 's1']);
    expect(network.getNodeAttributes('f')).toEqual({ name: 'Name of f', kind: 'FOUNDATION', region: 'WA', networkId: null });
    expect(network.getNodeAttributes('s1')).toEqual({ name: 'Name of s1', kind: 'SCHOOL', region: null, networkId: null });
  });
});

describe('projection: co-participation ties', () => {
  it('ties participants pairwise when the group is within the limit', () => {
    const { network } = projectTieNetwork([interaction('f', ['i1', 'i2', 'i3'])], ACTORS, {}, { coParticipationLimit: 3 });
    expect(ties(network)).toEqual(['f-i1', 'f-i2', 'f-i3', 'i1-i2', 'i1-i3', 'i2-i3']);
  });

  it('adds none when the group is larger than the limit', () => {
    const { network } = projectTieNetwork([interaction('f', ['i1', 'i2', 'i3'])], ACTORS, {}, { coParticipationLimit: 2 });
    expect(ties(network)).toEqual(['f-i1', 'f-i2', 'f-i3']);
  });

  it('defaults to groups of up to 8 participants', () => {
    expect(DEFAULT_CO_PARTICIPATION_LIMIT).toBe(8);
    const eight = Array.from({ length: 8 }, (_, k) => `g${k}`);
    const nine = Array.from({ length: 9 }, (_, k) => `g${k}`);
    expect(projectTieNetwork([interaction('f', eight)], ACTORS).network.size).toBe(8 + 28);
    expect(projectTieNetwork([interaction('f', nine)], ACTORS).network.size).toBe(9);
  });

  it('limit 0 disables co-participation ties', () => {
    const { network } = projectTieNetwork([interaction('i1', ['i2', 'i3'])], ACTORS, {}, { coParticipationLimit: 0 });
    expect(ties(network)).toEqual(['i1-i2', 'i1-i3']);
  });

  it('rejects a limit that is not a whole number from 0 to 100', () => {
    expect(() => projectTieNetwork([], ACTORS, {}, { coParticipationLimit: -1 })).toThrow(
      'coParticipationLimit: -1 must be a whole number from 0 to 100',
    );
    expect(() => projectTieNetwork([], ACTORS, {}, { coParticipationLimit: 2.5 })).toThrow(
      'coParticipationLimit: 2.5 must be a whole number from 0 to 100',
    );
  });
});

describe('projection: repeated interactions', () => {
  it('make one tie that counts them, sums their weights and keeps the first and last time', () => {
    const { network, interactionCount } = projectTieNetwork(
      [
        interaction('i1', ['i2'], '2020-03-01T00:00:00Z', { weight: 2 }),
        interaction('i2', ['i1'], '2020-01-01T00:00:00Z', { weight: 0.5 }),
        interaction('i1', ['i2', 'i3'], '2020-02-01T00:00:00Z', { weight: 3 }),
      ],
      ACTORS,
    );
    expect(interactionCount).toBe(3);
    expect(ties(network)).toEqual(['i1-i2', 'i1-i3', 'i2-i3']);
    expect(network.getEdgeAttributes('i1', 'i2')).toEqual({
      interactions: 3,
      weight: 5.5,
      firstAt: Date.parse('2020-01-01T00:00:00Z'),
      lastAt: Date.parse('2020-03-01T00:00:00Z'),
    });
    expect(network.getEdgeAttributes('i2', 'i3')).toEqual({
      interactions: 1,
      weight: 3,
      firstAt: Date.parse('2020-02-01T00:00:00Z'),
      lastAt: Date.parse('2020-02-01T00:00:00Z'),
    });
  });
});

describe('projection: scope', () => {
  const log = [
    interaction('f', ['i1', 's1'], '2020-01-01T00:00:00Z', { kind: 'GRANT' }),
    interaction('s1', ['s2', 'i1'], '2020-01-02T00:00:00Z', { kind: 'PEER_EXCHANGE' }),
    interaction('f', ['p'], '2020-01-03T00:00:00Z', { kind: 'CONVENING' }),
  ];

  it('by interaction kind drops the other kinds', () => {
    const { network, interactionCount } = projectTieNetwork(log, ACTORS, { interactionKinds: ['GRANT', 'CONVENING'] });
    expect(ties(network)).toEqual(['f-i1', 'f-p', 'f-s1', 'i1-s1']);
    expect(interactionCount).toBe(2);
  });

  it('by actor kind drops the out-of-scope endpoints and counts only interactions that still tie someone', () => {
    const { network, interactionCount } = projectTieNetwork(log, ACTORS, { actorKinds: ['SCHOOL', 'INTERMEDIARY'] });
    expect(ties(network)).toEqual(['i1-s1', 'i1-s2', 's1-s2']);
    expect(network.nodes()).toEqual(['i1', 's1', 's2']);
    expect(interactionCount).toBe(2);
  });

  it('counts the group size before the scope drops anyone', () => {
    const big = interaction('f', ['s1', 's2', 'i1', 'i2', 'i3'], '2020-01-05T00:00:00Z');
    expect(ties(projectTieNetwork([big], ACTORS, { actorKinds: ['SCHOOL'] }, { coParticipationLimit: 5 }).network)).toEqual(['s1-s2']);
    const { network, interactionCount } = projectTieNetwork([big], ACTORS, { actorKinds: ['SCHOOL'] }, { coParticipationLimit: 4 });
    expect(network.order).toBe(0);
    expect(interactionCount).toBe(0);
  });

  it('empty lists mean everything', () => {
    expect(projectTieNetwork(log, ACTORS, { actorKinds: [], interactionKinds: [] }).network.size).toBe(
      projectTieNetwork(log, ACTORS).network.size,
    );
  });
});

describe('projection: canonical result', () => {
  it('is the same graph, in id order with keys e0, e1, ..., whatever the order of the interactions', () => {
    const log = [interaction('s2', ['i1']), interaction('f', ['s1', 'i2']), interaction('i3', ['f'])];
    const forward = projectTieNetwork(log, ACTORS).network;
    const backward = projectTieNetwork([...log].reverse(), ACTORS).network;
    expect(forward.nodes()).toEqual(['f', 'i1', 'i2', 'i3', 's1', 's2']);
    const edges = (network: TieNetwork) =>
      network.mapEdges((key, attributes, source, target) => ({ key, source, target, interactions: attributes.interactions }));
    expect(edges(forward)).toEqual([
      { key: 'e0', source: 'f', target: 'i2', interactions: 1 },
      { key: 'e1', source: 'f', target: 'i3', interactions: 1 },
      { key: 'e2', source: 'f', target: 's1', interactions: 1 },
      { key: 'e3', source: 'i1', target: 's2', interactions: 1 },
      { key: 'e4', source: 'i2', target: 's1', interactions: 1 },
    ]);
    expect(edges(backward)).toEqual(edges(forward));
  });

  it('an empty window gives an empty network', () => {
    expect(projectTieNetwork([], ACTORS)).toMatchObject({ interactionCount: 0 });
    expect(projectTieNetwork([], ACTORS).network.order).toBe(0);
  });

  it('fails loudly when an interaction names an actor the lookup does not know', () => {
    expect(() => projectTieNetwork([interaction('f', ['ghost'])], ACTORS)).toThrow(/names actor ghost, unknown/);
  });
});

describe('projection: from a series’ columns', () => {
  // actors appear in the columns out of id order, so the window's id order comes from the columns' ranks
  const log = [
    interaction('s2', ['i3', 'g9'], '2020-01-01T00:00:00Z', { weight: 2 }),
    interaction('i2', ['s1', 'g1', 'g0'], '2020-01-02T00:00:00Z'),
    interaction('g9', ['i3'], '2020-01-03T00:00:00Z', { kind: 'CONVENING', weight: 0.5 }),
    interaction('f', ['i2', 'i1', 'p'], '2020-01-04T00:00:00Z'),
    interaction('i1', ['s2', 'g3'], '2020-01-05T00:00:00Z'),
    interaction('s2', ['i3'], '2020-01-06T00:00:00Z', { weight: 3 }),
  ];
  const columns = new InteractionColumns();
  for (const x of log) columns.push(x);
  columns.trim();
  const scopes: Scope[] = [{}, { actorKinds: ['SCHOOL', 'INTERMEDIARY'] }, { interactionKinds: ['CONVENING'] }];

  it.each(scopes.map((scope) => [JSON.stringify(scope), scope] as const))(
    'gives the same table as the interactions under scope %s',
    (_name, scope) => {
      for (const [from, to] of [
        ['2020-01-01T00:00:00Z', '2020-01-07T00:00:00Z'],
        ['2020-01-02T00:00:00Z', '2020-01-06T00:00:00Z'],
        ['2020-01-05T00:00:00Z', '2020-01-05T00:00:00Z'],
      ] as const) {
        const a = Date.parse(from);
        const b = Date.parse(to);
        const inWindow = log.filter((x) => x.occurredAt.getTime() >= a && x.occurredAt.getTime() < b);
        expect(projectColumnTies(columns, a, b, ACTORS, scope)).toEqual(projectTies(inWindow, ACTORS, scope));
      }
    },
  );
});
