import { interactionBatchToRows } from '../../../src/store/neo4j/interaction-batch-rows';

describe('record-interactions parameters', () => {
  const interaction = (id: string, initiatorId: string, participantIds: string[], externalId: string | null = null) => ({
    id,
    externalId,
    kind: 'SITE_VISIT' as const,
    occurredAt: new Date('2019-03-05T15:00:00Z'),
    initiatorId,
    participantIds,
    weight: 1.5,
    note: externalId === null ? null : 'a note',
  });

  it('names each actor of a chunk once, and rows name theirs by place in that list', () => {
    const { actorIds, interactions } = interactionBatchToRows([interaction('i-1', 'a', ['b', 'c']), interaction('i-2', 'c', ['a'])]);
    expect(actorIds).toEqual(['a', 'b', 'c']);
    expect(interactions.map((row) => [row[0], row[4], row[5]])).toEqual([
      ['i-1', 0, [1, 2]],
      ['i-2', 2, [0]],
    ]);
  });

  it('sends each row as [id, externalId, kind, occurredAt in epoch ms, initiator, participants, weight, note]', () => {
    const { interactions } = interactionBatchToRows([interaction('i-1', 'a', ['b'], 'x-1'), interaction('i-2', 'b', ['a', 'b'])]);
    expect(interactions).toEqual([
      ['i-1', 'x-1', 'SITE_VISIT', Date.parse('2019-03-05T15:00:00Z'), 0, [1], 1.5, 'a note'],
      ['i-2', null, 'SITE_VISIT', Date.parse('2019-03-05T15:00:00Z'), 1, [0, 1], 1.5, null],
    ]);
  });
});
