import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStoreLocation } from '../../src/cli/migrate-store-command';
import { InvalidInputError } from '../../src/domain/errors';
import type { Interaction } from '../../src/domain/interaction';
import { affiliationOrder, migrateStore, type MigrationProgress } from '../../src/services/migrate-store';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';
import { actor, MIGRATION_ACTORS as ACTORS, runMigrateStoreCommand, storeContents } from './migrate-helpers';

/** Store-to-store migration, SQLite → SQLite through the same code path a Neo4j target takes. */

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-migrate-'));
  dirs.push(dir);
  return dir;
}

const IDS = ACTORS.map((a) => a.id);

function interactions(count: number, prefix = 'i'): Interaction[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `${prefix}-${String(n).padStart(2, '0')}`,
    externalId: n % 3 === 0 ? `ext-${prefix}-${n}` : null,
    kind: n % 2 === 0 ? 'SITE_VISIT' : 'PEER_EXCHANGE',
    // Pairs share an instant, so the (occurredAt, id) order matters.
    occurredAt: new Date(Date.UTC(2019, 0, 1) + Math.floor(n / 2) * 86_400_000 + 123),
    initiatorId: IDS[n % IDS.length]!,
    participantIds: [IDS[(n + 3) % IDS.length]!, IDS[(n + 1) % IDS.length]!],
    weight: 0.5 + n,
    note: n % 4 === 0 ? `note ${n}` : null,
  }));
}

async function seededSource(path: string): Promise<Store> {
  const store = openSqliteStore(path);
  await store.upsertActors(ACTORS);
  await store.recordInteractions(interactions(23));
  return store;
}

describe('migrateStore', () => {
  it('copies every actor and interaction exactly, reporting progress per batch', async () => {
    const dir = tempDir();
    const source = await seededSource(join(dir, 'source.db'));
    const target = openSqliteStore(join(dir, 'target.db'));
    const progress: MigrationProgress[] = [];
    const counts = await migrateStore(source, target, (p) => progress.push(p), { batchSize: 10 });
    expect(counts).toEqual({ actors: 8, interactions: 23, alreadyPresent: { actors: 0, interactions: 0 } });
    expect(progress).toEqual([
      { phase: 'actors', read: 8, copied: 8, alreadyPresent: 0 },
      { phase: 'interactions', read: 10, copied: 10, alreadyPresent: 0 },
      { phase: 'interactions', read: 20, copied: 20, alreadyPresent: 0 },
      { phase: 'interactions', read: 23, copied: 23, alreadyPresent: 0 },
    ]);
    expect(await storeContents(target)).toEqual(await storeContents(source));
    await source.close();
    await target.close();
  });

  it('copies nothing on a second run, and leaves the target revision alone', async () => {
    const dir = tempDir();
    const source = await seededSource(join(dir, 'source.db'));
    const target = openSqliteStore(join(dir, 'target.db'));
    await migrateStore(source, target, undefined, { batchSize: 4 });
    const revision = await target.revision();
    const counts = await migrateStore(source, target, undefined, { batchSize: 4 });
    expect(counts).toEqual({ actors: 0, interactions: 0, alreadyPresent: { actors: 8, interactions: 23 } });
    expect(await target.revision()).toBe(revision);
    expect(await target.countInteractions({})).toBe(23);
    await source.close();
    await target.close();
  });

  it('copies an empty store as nothing', async () => {
    const dir = tempDir();
    const source = openSqliteStore(join(dir, 'source.db'));
    const target = openSqliteStore(join(dir, 'target.db'));
    expect(await migrateStore(source, target)).toEqual({ actors: 0, interactions: 0, alreadyPresent: { actors: 0, interactions: 0 } });
    await source.close();
    await target.close();
  });
});

describe('affiliationOrder', () => {
  it('puts affiliation targets first and breaks a cycle with a second write', () => {
    const { order, deferred } = affiliationOrder(ACTORS);
    expect(order.map((a) => `${a.id}->${a.affiliationId ?? '-'}`)).toEqual([
      'z-intermediary->-',
      'a-school->z-intermediary',
      'b-school->z-intermediary',
      'd-cycle->-',
      'c-cycle->d-cycle',
      'g-foundation->-',
      'f-chain->g-foundation',
      'e-chain->f-chain',
    ]);
    expect(deferred.map((a) => `${a.id}->${a.affiliationId}`)).toEqual(['d-cycle->c-cycle']);
  });
});

describe('copnet migrate-store', () => {
  it('copies SQLite to SQLite in batches, then nothing when run again, then only what changed', async () => {
    const dir = tempDir();
    const from = join(dir, 'copnet.db');
    const to = join(dir, 'copy', 'copnet.db');
    const source = await seededSource(from);

    expect(await runMigrateStoreCommand(['--from', from, '--to', to, '--batch-size', '3'])).toEqual([
      `migrate-store: copied 8 actors and 23 interactions from SQLite ${from} to SQLite ${to}; already present: 0 actors, 0 interactions`,
    ]);
    expect(await runMigrateStoreCommand(['--from', from, '--to', to, '--batch-size', '3'])).toEqual([
      `migrate-store: copied 0 actors and 0 interactions from SQLite ${from} to SQLite ${to}; already present: 8 actors, 23 interactions`,
    ]);

    await source.upsertActors([actor('h-new', 'SUPPORT_PARTNER'), { ...ACTORS[0]!, name: 'Renamed school' }]);
    await source.recordInteractions(interactions(2, 'late'));
    expect(await runMigrateStoreCommand(['--from', from, '--to', to])).toEqual([
      `migrate-store: copied 2 actors and 2 interactions from SQLite ${from} to SQLite ${to}; already present: 7 actors, 23 interactions`,
    ]);

    const target = openSqliteStore(to);
    expect(await storeContents(target)).toEqual(await storeContents(source));
    await target.close();
    await source.close();
  });

  it('refuses a missing source file, a URI it does not know, and copying a store onto itself', async () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.db');
    await expect(runMigrateStoreCommand(['--from', missing, '--to', join(dir, 'x.db')])).rejects.toThrow(
      new InvalidInputError('--from', missing, 'is not an existing SQLite file'),
    );
    const from = join(dir, 'copnet.db');
    await (await seededSource(from)).close();
    await expect(runMigrateStoreCommand(['--from', from, '--to', 'http://user:pw@localhost:7474'])).rejects.toThrow(
      '--to: "http://localhost:7474" is neither a SQLite file path nor a Neo4j URI (bolt://, neo4j://, with +s or +ssc)',
    );
    await expect(runMigrateStoreCommand(['--from', from, '--to', from])).rejects.toThrow(
      `--to: ${JSON.stringify(from)} is the same store as --from`,
    );
  });

  it('reads Neo4j URIs of every scheme and anything else as a file path', () => {
    for (const uri of ['bolt://localhost:7687', 'neo4j://db:7687', 'neo4j+s://x.databases.neo4j.io', 'bolt+ssc://10.0.0.1:7687']) {
      expect(parseStoreLocation(uri, '--to')).toEqual({ kind: 'neo4j', uri });
    }
    expect(parseStoreLocation('/data/copnet.db', '--from')).toEqual({ kind: 'sqlite', path: '/data/copnet.db' });
  });
});
