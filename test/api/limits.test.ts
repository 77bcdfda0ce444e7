import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { join } from 'node:path';
import { rangeReads, RECORD_INTERACTIONS, SMALL_NETWORK, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK });
  const result = await server.gql(RECORD_INTERACTIONS, {
    interactions: [
      { kind: 'CONVENING', occurredAt: '2019-09-10T12:00:00Z', initiatorId: 'bmgf', participantIds: ['nsi-baltimore', 'nsi-core'] },
      { kind: 'PEER_EXCHANGE', occurredAt: '2020-02-10T12:00:00Z', initiatorId: 'nsi-core', participantIds: ['nsi-ifl'] },
    ],
  });
  expect(result.errors).toBeUndefined();
});
afterAll(() => server.stop());

/** `levels` nested Actor.interactions pages, as the query that once ran the server out of memory. */
function nestedInteractions(levels: number, first: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `interactions(first: ${first}) { edges { node { initiator { ${selection} } } } }`;
  return `{ actor(id: "bmgf") { ${selection} } }`;
}

async function expectAlive(): Promise<void> {
  const alive = await server.gql<{ actor: { name: string } }>('{ actor(id: "bmgf") { name } }');
  expect(alive.data?.actor.name).toBe('Gates Foundation');
}

describe('operation limits', () => {
  it('refuses the four-level nested interactions query as too deep, before any store call', async () => {
    const query = nestedInteractions(4, 50);
    const calls = new Map(server.storeCalls);
    const response = await server.gql(query);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      { message: 'Query depth 18 is over the limit of 12', extensions: { code: 'QUERY_TOO_DEEP', limit: 12, actual: 18 } },
    ]);
    expect(server.storeCalls).toEqual(calls);
    await expectAlive();
  });

  it('refuses two nested pages of 500 as too costly, giving the limit and the cost', async () => {
    const response = await server.gql(nestedInteractions(2, 500));
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      {
        message: 'Query cost 1002002 is over the limit of 60000 (see the README: cost limits)',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 60000, actual: 1002002 },
      },
    ]);
    await expectAlive();
  });

  it('refuses 1,000 aliased networkMetrics windows quickly', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => {
      const day = new Date(Date.UTC(2019, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return `w${i}: networkMetrics(window: { from: "2019-01-01", to: "${day}T23:00:00Z" }) { density }`;
    });
    const started = Date.now();
    const response = await server.gql(`{ ${fields.join('\n')} }`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      { message: 'Aliases: 1000 is over the limit of 30', extensions: { code: 'TOO_MANY_ALIASES', limit: 30, actual: 1000 } },
    ]);
    expect(rangeReads(server)).toBe(0);
    await expectAlive();
  });

  it('counts aliases of __typename like any other (graphql-armor lets them through by default)', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect(await server.gql(aliases(31))).toEqual({
      status: 400,
      errors: [{ message: 'Aliases: 31 is over the limit of 30', extensions: { code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 } }],
    });
    const thirty = await server.gql<Record<string, string>>(aliases(30));
    expect(Object.keys(thirty.data!)).toHaveLength(30);
  });

  it('costs every window of a series: three 520-window series are refused, one is not', async () => {
    const series = (alias: string) =>
      `${alias}: networkMetricSeries(series: { from: "2015-01-05", to: "2024-12-23", step: WEEK }) { snapshots { density actors(first: 3) { degree } } }`;
    const three = await server.gql(`{ ${series('a')} ${series('b')} ${series('c')} }`);
    expect(three.errors?.[0]).toEqual({
      message: 'Query cost 87363 is over the limit of 60000 (see the README: cost limits)',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 60000, actual: 87363 },
    });
    const one = await server.gql<{ a: { snapshots: unknown[] } }>(`{ ${series('a')} }`);
    expect(one.errors).toBeUndefined();
    expect(one.data?.a.snapshots).toHaveLength(520);
  });

  it('lets the full introspection query through (the IDE and code generators need it)', async () => {
    const response = await server.gql<{ __schema: { types: unknown[] } }>(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.types.length).toBeGreaterThan(20);
  });

  it('lets every README example through', async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      const response = await server.gql(example);
      const codes = (response.errors ?? []).map((error) => error.extensions?.code);
      expect(codes.filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
    }
  });
});
