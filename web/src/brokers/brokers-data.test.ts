import { describe, expect, it } from 'vitest';
import { brokerRows, brokersCsv, type BrokerRow } from './brokers-data';

function row(id: string, name: string, kind: BrokerRow['actor']['kind'], betweenness: number, degree: number): BrokerRow {
  return {
    betweenness,
    degree,
    closeness: 0.5,
    clustering: 0,
    community: 1,
    constraint: 0.25,
    effectiveSize: 2.5,
    coreNumber: 2,
    actor: { id, name, kind, region: null },
  };
}

const rows = [
  row('b', 'Beta, "the" school', 'SCHOOL', 0.2, 3),
  row('a', 'Alpha NSI', 'INTERMEDIARY', 0.2, 9),
  row('c', 'Core', 'FOUNDATION', 0.7, 30),
];

describe('brokers table', () => {
  it('sorts by a column either way, ties by id', () => {
    expect(brokerRows(rows, [], 'betweenness', 'descending').map((r) => r.actor.id)).toEqual(['c', 'a', 'b']);
    expect(brokerRows(rows, [], 'betweenness', 'ascending').map((r) => r.actor.id)).toEqual(['a', 'b', 'c']);
    expect(brokerRows(rows, [], 'name', 'ascending').map((r) => r.actor.id)).toEqual(['a', 'b', 'c']);
  });

  it('filters by kind', () => {
    expect(brokerRows(rows, ['SCHOOL', 'INTERMEDIARY'], 'degree', 'descending').map((r) => r.actor.id)).toEqual(['a', 'b']);
  });

  it('writes CSV with a header, quoting names', () => {
    expect(brokersCsv(rows.slice(0, 1))).toBe(
      'id,name,kind,betweenness,constraint,effectiveSize,degree,coreNumber,closeness,clustering,community\nb,"Beta, ""the"" school",SCHOOL,0.2,0.25,2.5,3,2,0.5,0,1\n',
    );
  });
});
