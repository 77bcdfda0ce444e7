import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { actorsByIdsOrNfc } from '../../src/services/actor-lookup';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

/**
 * Actor look-ups take an id as given, then in NFC: `e` + U+0301 finds `é` as stored today, and an
 * id a file written before writes were normalised still holds decomposed is still found as it is.
 */
let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copnet-lookup-'));
  const path = join(dir, 'copnet.db');
  store = openSqliteStore(path);
  await store.upsertActors([{ id: 'caf\u00e9', name: 'Café', kind: 'SCHOOL', region: null, tags: [], affiliationId: null }]);
  // As an older version wrote it: not in NFC.
  const raw = new Database(path);
  raw
    .prepare(`INSERT INTO actors (id, name, name_folded, kind, region, tags, affiliation_id) VALUES (?, ?, ?, 'SCHOOL', NULL, '[]', NULL)`)
    .run('e\u0301cole', 'E\u0301cole', 'e\u0301cole');
  raw.close();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('actorsByIdsOrNfc', () => {
  it('finds each id as given, else in NFC, in the order asked', async () => {
    const found = await actorsByIdsOrNfc(store, ['cafe\u0301', 'e\u0301cole', 'caf\u00e9', 'nobody', 'cafe\u0301']);
    expect(found.map((actor) => actor?.id ?? null)).toEqual(['caf\u00e9', 'e\u0301cole', 'caf\u00e9', null, 'caf\u00e9']);
  });
});
