import type { Interaction, InteractionKind } from '../../src/domain/interaction';
import { InteractionColumns } from '../../src/projection/interaction-columns';

let seq = 0;
function interaction(
  initiatorId: string,
  participantIds: string[],
  at: string,
  kind: InteractionKind = 'SITE_VISIT',
  weight = 1,
): Interaction {
  seq += 1;
  return { id: `x${seq}`, externalId: null, kind, occurredAt: new Date(at), initiatorId, participantIds, weight, note: null };
}

/** What a projection reads of each view, copied out during the step. */
function read(views: Iterable<Interaction>): Array<[InteractionKind, string, string, string[], number]> {
  const out: Array<[InteractionKind, string, string, string[], number]> = [];
  for (const v of views) out.push([v.kind, v.occurredAt.toISOString(), v.initiatorId, [...v.participantIds], v.weight]);
  return out;
}

describe('InteractionColumns', () => {
  const log = [
    interaction('a', ['b'], '2020-01-01T00:00:00Z', 'GRANT', 2.5),
    interaction('b', ['c', 'd', 'a'], '2020-01-02T00:00:00Z', 'CONVENING'),
    interaction('c', ['a'], '2020-01-02T00:00:00Z'),
    interaction('d', ['e'], '2020-01-05T00:00:00Z', 'PEER_EXCHANGE', 0.25),
  ];
  const columns = new InteractionColumns();
  log.forEach((x) => columns.push(x));
  columns.trim();

  it('interns actor ids in order of first appearance', () => {
    expect(columns.length).toBe(4);
    expect(columns.actorIds).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives the interactions of [from, to) in order, with kind, time, actors and weight', () => {
    expect(read(columns.window(Date.parse('2020-01-02T00:00:00Z'), Date.parse('2020-01-05T00:00:00Z')))).toEqual([
      ['CONVENING', '2020-01-02T00:00:00.000Z', 'b', ['c', 'd', 'a'], 1],
      ['SITE_VISIT', '2020-01-02T00:00:00.000Z', 'c', ['a'], 1],
    ]);
    expect(read(columns.window(0, Date.parse('2020-01-01T00:00:00Z')))).toEqual([]);
    expect(read(columns.window(0, Date.parse('2021-01-01T00:00:00Z'))).map((x) => x[4])).toEqual([2.5, 1, 1, 0.25]);
  });

  it('grows past its first capacity', () => {
    const many = new InteractionColumns();
    for (let i = 0; i < 3000; i++)
      many.push(interaction(`i${i % 7}`, [`p${i % 11}`, `q${i % 5}`], new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString()));
    many.trim();
    const all = read(many.window(0, Date.UTC(2021, 0, 1)));
    expect(all.length).toBe(3000);
    expect(all[2999]).toEqual(['SITE_VISIT', new Date(Date.UTC(2020, 0, 1) + 2999 * 1000).toISOString(), 'i3', ['p7', 'q4'], 1]);
  });

  it('refuses interactions out of time order', () => {
    const c = new InteractionColumns();
    c.push(interaction('a', ['b'], '2020-01-02T00:00:00Z'));
    const late = interaction('a', ['b'], '2020-01-01T00:00:00Z');
    expect(() => c.push(late)).toThrow(`InteractionColumns: interaction ${late.id} is out of time order`);
  });

  it('refuses an interaction of a kind it does not know, rather than lose it from every count', () => {
    const c = new InteractionColumns();
    const odd = { ...interaction('a', ['b'], '2020-01-02T00:00:00Z'), kind: 'EVENT' as InteractionKind };
    expect(() => c.push(odd)).toThrow(`InteractionColumns: interaction ${odd.id} has the kind "EVENT", not one of CONVENING,`);
    expect(c.length).toBe(0);
  });
});
