import { RECORD_INTERACTIONS, UPSERT_ACTORS, type TestServer } from './harness';

/** Writes the actors, then the interactions, over GraphQL; either failing fails the test. */
export async function seedNetwork(server: TestServer, actors: readonly object[], interactions: readonly object[]): Promise<void> {
  expect((await server.gql(UPSERT_ACTORS, { actors })).errors).toBeUndefined();
  expect((await server.gql(RECORD_INTERACTIONS, { interactions })).errors).toBeUndefined();
}
