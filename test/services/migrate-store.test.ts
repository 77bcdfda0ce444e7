import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStoreLocation } from '../../src/cli/migrate-store-command';
import { InvalidInputError } from '../../src/domain/errors';
import type { Interaction } from '../../src/domain/interaction';
import type { Rating, Survey } from '../../src/domain/survey';
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
    expect(counts).toEqual({
      actors: 8,
      interactions: 23,
      surveys: 0,
      responses: 0,
      alreadyPresent: { actors: 0, interactions: 0, surveys: 0, responses: 0 },
    });
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
    expect(counts).toEqual({
      actors: 0,
      interactions: 0,
      surveys: 0,
      responses: 0,
      alreadyPresent: { actors: 8, interactions: 23, surveys: 0, responses: 0 },
    });
    expect(await target.revision()).toBe(revision);
    expect(await target.countInteractions({})).toBe(23);
    await source.close();
    await target.close();
  });

  it('copies an empty store as nothing', async () => {
    const dir = tempDir();
    const source = openSqliteStore(join(dir, 'source.db'));
    const target = openSqliteStore(join(dir, 'target.db'));
    expect(await migrateStore(source, target)).toEqual({
      actors: 0,
      interactions: 0,
      surveys: 0,
      responses: 0,
      alreadyPresent: { actors: 0, interactions: 0, surveys: 0, responses: 0 },
    });
    await source.close();
    await target.close();
  });
});

describe('migrateStore: surveys and ratings (issue 23)', () => {
  const opener = { by: 'alice', at: new Date('2024-09-01T08:00:00Z') };
  const survey = (id: string, extra: Partial<Survey> = {}): Survey => ({
    id,
    name: `Survey ${id}`,
    window: { from: new Date('2024-07-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') },
    rosterKinds: ['INTERMEDIARY'],
    rosterIds: ['c-cycle', 'd-cycle', 'f-chain', 'z-intermediary'],
    openedAt: opener.at,
    openedBy: 'alice',
    closesAt: new Date('2025-06-01T00:00:00Z'),
    closedAt: null,
    ...extra,
  });
  const rating = (partnerId: string, reliability: number | null): Rating => ({
    partnerId,
    workedTogether: reliability !== null,
    reliability,
    openness: reliability === null ? null : 2,
    sharedMission: null,
    influence: reliability === null ? null : 4,
    resources: null,
    involvement: null,
  });
  const day = (n: number) => new Date(Date.UTC(2024, 9, n, 12));
  const surveysAndRatings = async (store: Store) => {
    const surveys = await store.surveys.listSurveys();
    return { surveys, ratings: await Promise.all(surveys.map((s) => store.surveys.listRatings(s.id))) };
  };

  it('copies surveys, their ratings and their closing; then nothing; then only the changed response and the new closing', async () => {
    const dir = tempDir();
    const source = await seededSource(join(dir, 'source.db'));
    const target = openSqliteStore(join(dir, 'target.db'));
    await source.surveys.createSurvey(survey('s-2023', { window: { from: new Date('2023-07-01Z'), to: new Date('2024-07-01Z') } }), opener);
    await source.surveys.createSurvey(survey('s-2024', { closesAt: null }), opener);
    await source.surveys.replaceRatings('s-2023', 'c-cycle', [rating('d-cycle', 3), rating('f-chain', null)], day(1), opener);
    await source.surveys.replaceRatings('s-2023', 'z-intermediary', [rating('c-cycle', 1)], day(2), opener);
    await source.surveys.closeSurvey('s-2023', day(3), opener);
    await source.surveys.replaceRatings('s-2024', 'f-chain', [rating('z-intermediary', 4)], day(4), opener);

    const first = await migrateStore(source, target);
    expect(first).toMatchObject({ surveys: 2, responses: 3, alreadyPresent: { surveys: 0, responses: 0 } });
    expect(await surveysAndRatings(target)).toEqual(await surveysAndRatings(source));
    expect((await target.surveys.getSurvey('s-2023'))?.closedAt).toEqual(day(3));

    const revision = await target.revision();
    const second = await migrateStore(source, target);
    expect(second).toMatchObject({ surveys: 0, responses: 0, alreadyPresent: { surveys: 2, responses: 3 } });
    expect(await target.revision()).toBe(revision);

    await source.surveys.replaceRatings('s-2024', 'f-chain', [rating('c-cycle', 2)], day(5), opener);
    await source.surveys.closeSurvey('s-2024', day(6), opener);
    const third = await migrateStore(source, target);
    expect(third).toMatchObject({ surveys: 0, responses: 1, alreadyPresent: { surveys: 2, responses: 2 } });
    expect(await surveysAndRatings(target)).toEqual(await surveysAndRatings(source));
    await source.close();
    await target.close();
  });

  it('says what it copied of surveys on the command line', async () => {
    const dir = tempDir();
    const from = join(dir, 'copnet.db');
    const to = join(dir, 'copy.db');
    const source = await seededSource(from);
    await source.surveys.createSurvey(survey('s-1'), opener);
    await source.surveys.replaceRatings('s-1', 'c-cycle', [rating('d-cycle', 3)], day(1), opener);
    await source.close();
    expect(await runMigrateStoreCommand(['--from', from, '--to', to])).toEqual([
      `migrate-store: copied 8 actors and 23 interactions from SQLite ${from} to SQLite ${to}; already present: 0 actors, 0 interactions; ` +
        "surveys: 1 copied, 0 already present; respondents' ratings: 1 copied, 0 already present",
    ]);
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
