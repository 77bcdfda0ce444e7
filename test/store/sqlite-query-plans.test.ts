import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Scope } from '../../src/domain/scope';
import { windowWhere } from '../../src/store/sqlite/conditions';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { STATEMENTS } from '../../src/store/sqlite/statements';
import { COLUMN_ROW_SELECT } from '../../src/store/sqlite/window-columns';

/**
 * Query plans of statements that once scanned a table per row, on a real file, and the index they
 * keep. A window read scoped to actor kinds: the window's rows by the time index, and for each row
 * its own initiator and participants looked up by id (through interaction_actors, keyed by actor
 * first, SQLite walked every actor of those kinds per row: 50 times slower than unscoped). Removing
 * an interaction's interaction_actors entries: by primary key (by interaction_seq alone it scanned the
 * table, once per interaction of a merged actor: 26 s for the demo's largest intermediary).
 */
let dir: string;
let path: string;
let db: Database.Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copnet-plan-'));
  path = join(dir, 'copnet.db');
  await openSqliteStore(path).close();
  db = new Database(path, { readonly: true });
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(scope: Scope): string[] {
  const where = windowWhere(new Date('2019-08-01T00:00:00Z'), new Date('2020-08-01T00:00:00Z'), scope);
  const sql = `EXPLAIN QUERY PLAN ${COLUMN_ROW_SELECT} ${where.sql()} ORDER BY occurred_at, id`;
  return db
    .prepare<unknown[], { detail: string }>(sql)
    .all(...where.params)
    .map((row) => row.detail);
}

describe('SQLite window reads scoped to actor kinds', () => {
  it('read the window by time and look each row’s actors up by id', () => {
    expect(plan({ actorKinds: ['SCHOOL'] })).toEqual([
      'SEARCH interactions USING INDEX interactions_by_time (occurred_at>? AND occurred_at<?)',
      'CORRELATED SCALAR SUBQUERY 4',
      'CO-ROUTINE x',
      'COMPOUND QUERY',
      'LEFT-MOST SUBQUERY',
      'SCAN CONSTANT ROW',
      'UNION ALL',
      'SCAN json_each VIRTUAL TABLE INDEX 1:',
      'SCAN x',
      'SEARCH a USING COVERING INDEX actors_by_kind (kind=? AND id=?)',
      'LIST SUBQUERY 3',
      'SCAN json_each VIRTUAL TABLE INDEX 1:',
    ]);
  });

  it('read an unscoped window by time alone', () => {
    expect(plan({})).toEqual(['SEARCH interactions USING INDEX interactions_by_time (occurred_at>? AND occurred_at<?)']);
  });
});

describe('interaction_actors kept by primary key', () => {
  it('removes an interaction’s entries by (actor_id, interaction_seq)', () => {
    const unindex = STATEMENTS.unindexInteraction.sql;
    expect(
      db
        .prepare(`EXPLAIN QUERY PLAN ${unindex}`)
        .all(1, 1, 1)
        .map((row) => (row as { detail: string }).detail),
    ).toEqual([
      'SEARCH interaction_actors USING PRIMARY KEY (actor_id=? AND interaction_seq=?)',
      'LIST SUBQUERY 2',
      'COMPOUND QUERY',
      'LEFT-MOST SUBQUERY',
      'SEARCH interactions USING INTEGER PRIMARY KEY (rowid=?)',
      'UNION ALL',
      'SEARCH i USING INTEGER PRIMARY KEY (rowid=?)',
      'SCAN p VIRTUAL TABLE INDEX 1:',
    ]);
  });

  it('holds exactly each live row’s initiator and participants after a correction and a merge', async () => {
    const store = openSqliteStore(path);
    const actor = (id: string, kind: 'INTERMEDIARY' | 'SCHOOL') => ({ id, name: id, kind, region: null, tags: [], affiliationId: null });
    await store.upsertActors([actor('n1', 'INTERMEDIARY'), actor('n2', 'INTERMEDIARY'), actor('s1', 'SCHOOL'), actor('s2', 'SCHOOL')]);
    const at = (day: number) => new Date(Date.UTC(2020, 0, day));
    const base = { externalId: null, kind: 'PEER_EXCHANGE', weight: 1, note: null } as const;
    const [first] = await store.recordInteractions([
      { ...base, id: 'i1', occurredAt: at(1), initiatorId: 'n1', participantIds: ['s1', 's2'] },
      { ...base, id: 'i2', occurredAt: at(2), initiatorId: 's1', participantIds: ['n1', 'n2'] },
    ]);
    const author = { by: 'test', at: new Date() };
    await store.updateInteraction({ ...first!.interaction, participantIds: ['s2'] }, author);
    await store.mergeActors('n1', 'n2', { allowKindChange: false }, author);
    const entries = new Database(path, { readonly: true });
    try {
      const indexed = entries
        .prepare('SELECT i.id, ia.actor_id FROM interaction_actors ia JOIN interactions i ON i.seq = ia.interaction_seq ORDER BY 1, 2')
        .raw()
        .all();
      expect(indexed).toEqual([
        ['i1', 'n2'],
        ['i1', 's2'],
        ['i2', 'n2'],
        ['i2', 's1'],
      ]);
    } finally {
      entries.close();
      await store.close();
    }
  });
});
