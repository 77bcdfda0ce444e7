import { openNeo4jStore, type Neo4jStoreOptions } from '../../../src/store/neo4j/neo4j-store';
import { defineStoreContract } from '../store-contract';
import { neo4jTestOptions, TEST_STORE, wipeNeo4j } from '../test-store';

/**
 * The store contract through a routing URI (`neo4j://`, how a cluster or Aura is reached): the
 * driver asks the server for a routing table and sends reads to readers, writes to the leader.
 * The test server is one instance, so this proves the adapter works through routing, not that a
 * cluster's followers give read-your-writes (see the README's Neo4j section).
 */
if (TEST_STORE !== 'neo4j') {
  describe.skip('Store contract: neo4j:// routing URI', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  const direct = neo4jTestOptions();
  const routed: Neo4jStoreOptions = { ...direct, uri: direct.uri.replace(/^bolt(\+s|\+ssc)?:\/\//, 'neo4j$1://') };

  it('uses a neo4j:// URI', () => {
    expect(routed.uri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
  });

  defineStoreContract('neo4j:// routing URI', async () => {
    await wipeNeo4j(direct);
    return openNeo4jStore(routed);
  });
}
