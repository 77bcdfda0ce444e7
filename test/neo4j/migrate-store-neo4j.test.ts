import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerMigrateStoreCommand } from '../../src/cli/migrate-store-command';
import { loadDemoData } from '../../src/demo/load-demo-data';
import type { Actor } from '../../src/domain/actor';
import type { Interaction } from '../../src/domain/interaction';
import { openNeo4jStore } from '../../src/store/neo4j/neo4j-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';
import { neo4jTestOptions, TEST_STORE, wipeNeo4j } from '../store/test-store';

/**
 * `copnet migrate-store` in both directions through a real Neo4j: the demo network goes from a
 * SQLite file to Neo4j and back to a second SQLite file, and every actor and interaction (ids,
 * instants to the millisecond, weights, notes, participant order, affiliations) comes back the same.
 */

async function everything(store: Store): Promise<{ actors: Actor[]; interactions: Interaction[] }> {
  const actors: Actor[] = [];
  for await (const a of store.streamActors()) actors.push(a);
  const interactions: Interaction[] = [];
  for await (const i of store.streamWindow({ from: new Date(-8.64e15), to: new Date(8.64e15) })) interactions.push(i);
  return { actors, interactions };
}

async function migrate(from: string, to: string): Promise<string[]> {
  const out: string[] = [];
  const program = new Command().exitOverride();
  registerMigrateStoreCommand(program, { out: (line) => out.push(line), progress: () => undefined });
  await program.parseAsync(['migrate-store', '--from', from, '--to', to], { from: 'user' });
  return out;
}

if (TEST_STORE !== 'neo4j') {
  describe.skip('migrate-store through Neo4j', () => {
    it('runs under npm run test:neo4j', () => undefined);
  });
} else {
  describe('migrate-store through Neo4j', () => {
    const options = neo4jTestOptions();
    const dir = mkdtempSync(join(tmpdir(), 'copnet-migrate-neo4j-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('copies the demo network SQLite → Neo4j → SQLite with identical counts and contents, and nothing twice', async () => {
      await wipeNeo4j(options);
      const sourcePath = join(dir, 'source.db');
      const backPath = join(dir, 'back.db');
      const source = openSqliteStore(sourcePath);
      await loadDemoData(source);
      const original = await everything(source);
      await source.close();
      expect([original.actors.length, original.interactions.length]).toEqual([743, 49205]);

      const sqlite = (path: string) => `SQLite ${path}`;
      const graph = `Neo4j ${options.uri}`;
      expect(await migrate(sourcePath, options.uri)).toEqual([
        `migrate-store: copied 743 actors and 49205 interactions from ${sqlite(sourcePath)} to ${graph}; already present: 0 actors, 0 interactions`,
      ]);
      const neo4jStore = await openNeo4jStore(options);
      try {
        expect(await neo4jStore.countActors({})).toBe(743);
        expect(await neo4jStore.countInteractions({})).toBe(49205);
        expect(await everything(neo4jStore)).toEqual(original);
      } finally {
        await neo4jStore.close();
      }
      // A second run finds everything present and writes nothing.
      expect(await migrate(sourcePath, options.uri)).toEqual([
        `migrate-store: copied 0 actors and 0 interactions from ${sqlite(sourcePath)} to ${graph}; already present: 743 actors, 49205 interactions`,
      ]);

      expect(await migrate(options.uri, backPath)).toEqual([
        `migrate-store: copied 743 actors and 49205 interactions from ${graph} to ${sqlite(backPath)}; already present: 0 actors, 0 interactions`,
      ]);
      const back = openSqliteStore(backPath);
      try {
        expect(await back.countActors({})).toBe(743);
        expect(await back.countInteractions({})).toBe(49205);
        expect(await everything(back)).toEqual(original);
      } finally {
        await back.close();
      }
    });
  });
}
