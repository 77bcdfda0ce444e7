import { validateActorBatch } from '../../src/domain/actor';
import { openTestStore } from '../store/test-store';
import { startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

const LOOKUP = `query($id: ID!) { actor(id: $id) { id name } }`;
const TOKENS = `{ apiTokens { name role } }`;

let server: TestServer;
let reader: string;
let writer: string;
beforeAll(async () => {
  server = await startTestServer({ responseCache: true });
  reader = await server.createToken('reader');
  writer = await server.createToken('writer');
  const written = await server.gqlAs(writer, UPSERT_ACTORS, {
    actors: [
      { id: 'a', name: 'Alpha', kind: 'SCHOOL' },
      { id: 'b', name: 'Beta', kind: 'SCHOOL' },
    ],
  });
  expect(written.errors).toBeUndefined();
});
afterAll(() => server.stop());

const reads = () => server.storeCalls.get('getActorsByIds') ?? 0;
const lookup = (token: string | null, id = 'a') => server.gqlAs(token, LOOKUP, { id });

describe('the response cache', () => {
  it('answers a repeated read without reading the store again, per variables', async () => {
    expect((await lookup(reader)).data).toEqual({ actor: { id: 'a', name: 'Alpha' } });
    const before = reads();
    expect((await lookup(reader)).data).toEqual({ actor: { id: 'a', name: 'Alpha' } });
    expect(reads()).toBe(before);
    expect((await lookup(reader, 'b')).data).toEqual({ actor: { id: 'b', name: 'Beta' } });
    expect(reads()).toBe(before + 1);
  });

  it("never gives a reader's answer to a caller without that role", async () => {
    await lookup(reader);
    const anonymous = await lookup(null);
    expect(anonymous.data).toEqual({ actor: null });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const unknown = await lookup('cpn_not-a-token');
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('serves nothing older than a write through the API', async () => {
    await lookup(reader);
    await server.gqlAs(writer, UPSERT_ACTORS, { actors: [{ id: 'a', name: 'Alpha Academy', kind: 'SCHOOL' }] });
    expect((await lookup(reader)).data).toEqual({ actor: { id: 'a', name: 'Alpha Academy' } });
  });

  it('serves nothing older than a write by another process on the same store', async () => {
    expect((await lookup(reader, 'b')).data).toEqual({ actor: { id: 'b', name: 'Beta' } });
    // Another connection to the same store (the SQLite file, or the Neo4j database), as another copnet process has.
    const other = await openTestStore(server.dbPath);
    try {
      await other.upsertActors(validateActorBatch([{ id: 'b', name: 'Beta Charter', kind: 'SCHOOL' }]));
    } finally {
      await other.close();
    }
    expect((await lookup(reader, 'b')).data).toEqual({ actor: { id: 'b', name: 'Beta Charter' } });
  });

  it('keeps no answer with errors', async () => {
    const before = reads();
    const first = await server.gqlAs(reader, `{ actors(first: -1) { totalCount } }`);
    const second = await server.gqlAs(reader, `{ actors(first: -1) { totalCount } }`);
    expect(first.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(second).toEqual(first);
    expect(reads()).toBe(before);
  });

  it('never keeps the token list, whose changes do not bump the revision', async () => {
    const names = async () => ((await server.gql<{ apiTokens: { name: string }[] }>(TOKENS)).data?.apiTokens ?? []).map((t) => t.name);
    expect(await names()).toEqual(['test-admin', 'reader', 'writer']);
    await server.createToken('reader', 'dashboard');
    expect(await names()).toEqual(['test-admin', 'reader', 'writer', 'dashboard']);
  });
});
