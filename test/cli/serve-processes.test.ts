import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { TokenService } from '../../src/auth/token-service';
import { systemAuthor } from '../../src/domain/access';
import { RECORD_INTERACTIONS, SMALL_NETWORK, UPSERT_ACTORS, peerExchange } from '../api/harness';
import { CLOSE_SURVEY, CREATE_LINKS, OPEN_SURVEY, RESULTS, SCHOOL_YEAR, SUBMIT, rating } from '../api/survey-fixture';
import { openTestStore, TEST_STORE } from '../store/test-store';
import { PinnedClient, clientsOnTwoProcesses, spawnCopnet, type CopnetProcess } from './copnet-process';

// Real `copnet serve` processes start from the TypeScript sources: slow on a loaded machine.
jest.setTimeout(300_000);

const SNAPSHOT = `query Snapshot { networkMetrics(window: { from: "2019-01-01", to: "2020-01-01" }) { actorCount tieCount } }`;
const COUNT = `query Count { interactions(filter: { from: "2019-01-01", to: "2030-01-01" }) { totalCount } }`;

interface Layout {
  readonly processes: CopnetProcess[];
  /** A and B: clients answered by two different processes. */
  readonly a: PinnedClient;
  readonly b: PinnedClient;
  /** The URL each of A and B reaches (the same one behind node:cluster). */
  readonly urls: readonly [string, string];
  /** One node:cluster primary: /metrics answers every process's figures summed. */
  readonly clustered: boolean;
}

/**
 * The store every process serves from: the SQLite file (`npm test`), or the one Neo4j test
 * database (`npm run test:neo4j`; emptied by openTestStore the first time a path is opened).
 */
const STORE_ENV: Record<string, string> =
  TEST_STORE === 'neo4j' ? { COPNET_STORE: 'neo4j', NEO4J_URI: process.env.NEO4J_URI ?? '' } : { COPNET_STORE: 'sqlite' };
const STORE_NAME = TEST_STORE === 'neo4j' ? 'one Neo4j database' : 'one SQLite file';

async function adminTokenIn(dbPath: string): Promise<string> {
  const store = await openTestStore(dbPath);
  try {
    return (await new TokenService(store).create({ name: 'ops-admin', role: 'admin' }, systemAuthor('test'))).token;
  } finally {
    await store.close();
  }
}

const layouts: [string, (dbPath: string, token: string) => Promise<Layout>][] = [
  [
    `two \`copnet serve\` instances on ${STORE_NAME}`,
    async (dbPath, token) => {
      const first = await spawnCopnet(dbPath, [], STORE_ENV);
      const second = await spawnCopnet(dbPath, [], STORE_ENV);
      return {
        processes: [first, second],
        a: new PinnedClient(first.url, token),
        b: new PinnedClient(second.url, token),
        urls: [first.url, second.url],
        clustered: false,
      };
    },
  ],
  [
    `\`copnet serve --processes 2\` on ${STORE_NAME}`,
    async (dbPath, token) => {
      const primary = await spawnCopnet(dbPath, ['--processes', '2'], STORE_ENV);
      const [a, b] = await clientsOnTwoProcesses(primary.url, token);
      return { processes: [primary], a, b, urls: [primary.url, primary.url], clustered: true };
    },
  ],
];

describe.each(layouts)('%s', (_name, start) => {
  let dir: string;
  let token: string;
  let layout: Layout;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copnet-processes-'));
    const dbPath = join(dir, 'copnet.db');
    token = await adminTokenIn(dbPath);
    layout = await start(dbPath, token);
    expect((await layout.a.gql(UPSERT_ACTORS, { actors: SMALL_NETWORK })).errors).toBeUndefined();
  });

  afterAll(async () => {
    layout?.a.close();
    layout?.b.close();
    const codes = await Promise.all(layout?.processes.map((process) => process.stop('SIGTERM')) ?? []);
    rmSync(dir, { recursive: true, force: true });
    // A SIGTERM is a clean stop: exit code 0.
    expect(codes).toEqual(layout?.processes.map(() => 0));
  });

  it('answers A and B from two different processes', async () => {
    expect(await layout.a.pid()).not.toBe(await layout.b.pid());
  });

  it('a write through one process is in the next answer of the other (its snapshot cache follows the store revision)', async () => {
    const record = (from: string, to: string) =>
      layout.a.gql(RECORD_INTERACTIONS, { interactions: [peerExchange('2019-03-01', from, [to])] });
    expect((await record('school-douglass', 'school-fresno')).errors).toBeUndefined();
    // B computes and caches the window...
    expect((await layout.b.gql(SNAPSHOT)).data).toEqual({ networkMetrics: { actorCount: 2, tieCount: 1 } });
    expect((await layout.b.gql(SNAPSHOT)).data).toEqual({ networkMetrics: { actorCount: 2, tieCount: 1 } });
    // ...and its next answer after A's write has the new tie.
    expect((await record('school-fresno', 'nsi-core')).errors).toBeUndefined();
    expect((await layout.b.gql(SNAPSHOT)).data).toEqual({ networkMetrics: { actorCount: 3, tieCount: 2 } });
  });

  it('a token revoked through one process is refused by the other on its next use', async () => {
    const created = await layout.a.gql<{ createToken: { token: string } }>(
      `mutation { createToken(input: { name: "short-lived", role: reader }) { token } }`,
    );
    const reader = created.data!.createToken.token;
    expect((await layout.b.gql(COUNT, undefined, reader)).errors).toBeUndefined();
    expect((await layout.a.gql(`mutation { revokeToken(name: "short-lived") { name } }`)).data).toEqual({
      revokeToken: { name: 'short-lived' },
    });
    const refused = await layout.b.gql(COUNT, undefined, reader);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it("a survey opened through one process is answered through the other, and each reads the other's writes next", async () => {
    const peers = [peerExchange('2024-09-10', 'nsi-baltimore', ['nsi-core']), peerExchange('2024-10-01', 'nsi-core', ['nsi-ifl'])];
    expect((await layout.a.gql(RECORD_INTERACTIONS, { interactions: peers })).errors).toBeUndefined();
    const opened = await layout.a.gql<{ openSurvey: { id: string } }>(OPEN_SURVEY, {
      input: { name: 'Two processes', window: SCHOOL_YEAR, rosterIds: ['nsi-baltimore', 'nsi-core', 'nsi-ifl'] },
    });
    expect(opened.errors).toBeUndefined();
    const id = opened.data!.openSurvey.id;
    const links = await layout.b.gql<{ createRespondentLinks: { actor: { id: string }; token: string }[] }>(CREATE_LINKS, { surveyId: id });
    expect(links.errors).toBeUndefined();
    const linkOf = new Map(links.data!.createRespondentLinks.map((link) => [link.actor.id, link.token]));
    const results = async (client: PinnedClient) => (await client.gql<{ survey: Record<string, unknown> }>(RESULTS, { id })).data!.survey;
    // B computes (and caches) the results before any answer...
    expect(await results(layout.b)).toMatchObject({ respondentCount: 0, loggedTies: 2, networkTrust: null });
    // ...A takes nsi-baltimore's answer, and B's next read has it.
    const submitted = await layout.a.gql(SUBMIT, { ratings: [rating('nsi-core', [4, 4, 4, 3, 3, 3])] }, linkOf.get('nsi-baltimore'));
    expect(submitted.errors).toBeUndefined();
    expect(await results(layout.b)).toMatchObject({
      respondentCount: 1,
      responseRate: 1 / 3,
      coverage: 'CAUTION',
      ratingCount: 1,
      networkTrust: 4,
      networkValue: 3,
      loggedTies: 2,
      // nsi-baltimore–nsi-core has a responding end that confirmed it; nsi-core–nsi-ifl has none
      confirmedShare: 1,
      unloggedTieCount: 0,
    });
    // Closed through B, the link is refused by A.
    expect((await layout.b.gql(CLOSE_SURVEY, { id })).errors).toBeUndefined();
    const refused = await layout.a.gql(SUBMIT, { ratings: [rating('nsi-core', [1, 1, 1, 1, 1, 1])] }, linkOf.get('nsi-core'));
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await results(layout.a)).toMatchObject({ respondentCount: 1, networkTrust: 4 });
  });

  it('20 concurrent writes of one externalId through both processes give one record', async () => {
    const before = (await layout.b.gql<{ interactions: { totalCount: number } }>(COUNT)).data!.interactions.totalCount;
    const interaction = { ...peerExchange('2019-05-05', 'nsi-ifl', ['school-douglass']), externalId: 'crm-race-1' };
    const clients = Array.from({ length: 20 }, (_, i) => new PinnedClient(layout.urls[i % 2]!, token));
    const answers = await Promise.all(
      clients.map((client) => client.gql<{ recordInteractions: { id: string }[] }>(RECORD_INTERACTIONS, { interactions: [interaction] })),
    );
    for (const client of clients) client.close();
    expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => undefined));
    const ids = new Set(answers.map((answer) => answer.data!.recordInteractions[0]!.id));
    expect(ids.size).toBe(1);
    expect((await layout.a.gql(COUNT)).data).toEqual({ interactions: { totalCount: before + 1 } });
  });

  it('/metrics counts every process behind one primary, and each instance on its own', async () => {
    for (let i = 0; i < 3; i++) expect((await layout.a.gql(`query ScrapeProbe { actors { totalCount } }`)).errors).toBeUndefined();
    for (let i = 0; i < 2; i++) expect((await layout.b.gql(`query ScrapeProbe { actors { totalCount } }`)).errors).toBeUndefined();
    const probes = async (client: PinnedClient) => {
      const answer = await client.send<string>('GET', '/metrics', undefined, null);
      expect(answer.status).toBe(200);
      const line = answer.body
        .split('\n')
        .find((l) => l.startsWith('copnet_http_requests_total{route="/graphql",operation="ScrapeProbe",status="200"}'));
      return Number(line?.split(' ').pop());
    };
    // Through node:cluster, either client's scrape may reach either process: both answer the sum.
    if (layout.clustered) expect([await probes(layout.a), await probes(layout.b)]).toEqual([5, 5]);
    else expect([await probes(layout.a), await probes(layout.b)]).toEqual([3, 2]);
  });

  it('writes one JSON log line per request, without the token', async () => {
    await layout.a.gql(`query LogProbe { actors { totalCount } }`);
    // The line is written as the answer ends: it may reach the pipe just after the answer.
    const probeLine = async () => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const lines = layout.processes.flatMap((process) => process.output).filter((line) => line.startsWith('{'));
        const found = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry['operation'] === 'LogProbe');
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return undefined;
    };
    const probe = await probeLine();
    expect(probe).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 200 });
    expect(typeof probe!['reqId']).toBe('string');
    expect(typeof probe!['durationMs']).toBe('number');
    expect(layout.processes.flatMap((process) => process.output).filter((line) => line.includes(token.slice(-12)))).toEqual([]);
  });

  it('SIGTERM to one of the processes during a burst of writes loses no acknowledged write', async () => {
    const victim = layout.processes.length === 2 ? layout.processes[0]!.child.pid! : await layout.a.pid();
    const clients = Array.from({ length: 30 }, (_, i) => new PinnedClient(layout.urls[i % 2]!, token));
    const burst = clients.map(async (client, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 10));
      const externalId = `burst-${i}`;
      try {
        const answer = await client.gql<{ recordInteractions: { externalId: string }[] }>(RECORD_INTERACTIONS, {
          interactions: [{ ...peerExchange('2019-06-01', 'nsi-core', ['school-fresno']), externalId }],
        });
        return answer.data?.recordInteractions[0]?.externalId === externalId ? externalId : null;
      } catch {
        return null; // refused or reset: not acknowledged
      }
    });
    setTimeout(() => process.kill(victim, 'SIGTERM'), 100);
    const acknowledged = (await Promise.all(burst)).filter((id): id is string => id !== null);
    for (const client of clients) client.close();
    expect(acknowledged.length).toBeGreaterThan(0);
    // B's process was not signalled.
    const stored = await layout.b.gql<{ interactions: { edges: { node: { externalId: string | null } }[] } }>(
      `query Burst { interactions(filter: { from: "2019-06-01", to: "2019-06-02" }, first: 500) { edges { node { externalId } } } }`,
    );
    const storedIds = new Set(stored.data!.interactions.edges.map((edge) => edge.node.externalId));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
  });
});
