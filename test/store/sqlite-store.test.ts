import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { defineStoreContract } from './store-contract';
import { defineCorrectionContract } from './store-contract-corrections';
import { defineSurveyStoreContract } from './survey-store-contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copnet-sqlite-'));
  dirs.push(dir);
  return join(dir, 'nested', 'copnet.db');
}

defineStoreContract('sqlite', async () => openSqliteStore(tempDbPath()));
defineCorrectionContract('sqlite', async () => openSqliteStore(tempDbPath()));
defineSurveyStoreContract('sqlite', async () => openSqliteStore(tempDbPath()));

describe('SQLite store file', () => {
  it('keeps what was written across a close and reopen', async () => {
    const path = tempDbPath();
    const first = openSqliteStore(path);
    await first.upsertActors([{ id: 'a', name: 'A', kind: 'INTERMEDIARY', region: 'TX', tags: ['x'], affiliationId: null }]);
    await first.upsertActors([{ id: 'b', name: 'B', kind: 'SCHOOL', region: null, tags: [], affiliationId: 'a' }]);
    await first.recordInteractions([
      {
        id: 'i1',
        externalId: 'e1',
        kind: 'SITE_VISIT',
        occurredAt: new Date('2020-02-02T10:00:00Z'),
        initiatorId: 'b',
        participantIds: ['a'],
        weight: 3,
        note: null,
      },
    ]);
    const revision = await first.revision();
    await first.close();

    const reopened = openSqliteStore(path);
    expect(await reopened.countActors({})).toBe(2);
    expect((await reopened.getInteractionsByIds(['i1']))[0]?.externalId).toBe('e1');
    expect(await reopened.revision()).toBe(revision);
    await reopened.close();
  });

  it('drops the kind index of a file made by an older version', async () => {
    const path = tempDbPath();
    await openSqliteStore(path).close();
    const indexes = (db: Database.Database) =>
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' ORDER BY name")
        .all()
        .map((row) => row.name);
    const older = new Database(path);
    older.exec('CREATE INDEX interactions_by_kind_time ON interactions(kind, occurred_at, id)');
    older.close();
    await openSqliteStore(path).close();
    const reopened = new Database(path);
    expect(indexes(reopened)).toEqual(['interactions_by_time', 'sqlite_autoindex_interactions_1', 'sqlite_autoindex_interactions_2']);
    reopened.close();
  });

  it('brings a file of schema version 3 up to version 4: respondent-token columns and the survey tables', async () => {
    const path = tempDbPath();
    await openSqliteStore(path).close();
    const older = new Database(path);
    older.exec(`
      DROP TABLE survey_ratings; DROP TABLE survey_roster; DROP TABLE surveys;
      ALTER TABLE api_tokens DROP COLUMN survey_id; ALTER TABLE api_tokens DROP COLUMN actor_id;
      UPDATE meta SET value = 3 WHERE key = 'schema_version';
      INSERT INTO api_tokens (identifier, name, role, secret_hash, created_at, created_by) VALUES ('id-ci', 'ci', 'writer', 'ab', 0, 'cli');
    `);
    older.close();
    const upgraded = openSqliteStore(path);
    expect(await upgraded.findToken('id-ci')).toMatchObject({ name: 'ci', role: 'writer', surveyId: null, actorId: null });
    expect(await upgraded.surveys.listSurveys()).toEqual([]);
    await upgraded.close();
    const reopened = new Database(path);
    expect(reopened.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe(4);
    reopened.close();
  });

  it('sees writes made by another connection to the same file in its revision', async () => {
    const path = tempDbPath();
    const server = openSqliteStore(path);
    const importer = openSqliteStore(path);
    const before = await server.revision();
    await importer.upsertActors([{ id: 'a', name: 'A', kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null }]);
    expect(await server.revision()).toBe(before + 1);
    await importer.close();
    await server.close();
  });
});

describe('SQLite recordInteractions', () => {
  it('records a key repeated within one batch once, as across two batches', async () => {
    const store = openSqliteStore(tempDbPath());
    await store.upsertActors([
      { id: 'a', name: 'A', kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null },
      { id: 'b', name: 'B', kind: 'SCHOOL', region: null, tags: [], affiliationId: null },
    ]);
    const at = new Date('2020-02-02T10:00:00Z');
    const first = {
      id: 'i1',
      externalId: 'e1',
      kind: 'SITE_VISIT' as const,
      occurredAt: at,
      initiatorId: 'a',
      participantIds: ['b'],
      weight: 1,
      note: null,
    };
    const sameExternalId = { ...first, id: 'i2', note: 'again' };
    const sameId = { ...first, externalId: null };
    expect(await store.recordInteractions([first, sameExternalId, sameId])).toEqual([
      { interaction: first, created: true },
      { interaction: first, created: false },
      { interaction: first, created: false },
    ]);
    expect(await store.countInteractions({})).toBe(1);
    expect(await store.countInteractions({ actorId: 'b' })).toBe(1);
    await store.close();
  });
});
