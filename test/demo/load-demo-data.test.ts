import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoData } from '../../src/demo/load-demo-data';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

let dir: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'copnet-demo-'));
  store = openSqliteStore(join(dir, 'copnet.db'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadDemoData', () => {
  it('loads the whole demo network into a real store, and a second load writes nothing new', async () => {
    expect(await loadDemoData(store)).toEqual({ actors: 743, interactionsCreated: 49205, interactionsAlreadyPresent: 0 });
    expect(await store.countActors({})).toBe(743);
    expect(await store.countActors({ kinds: ['SCHOOL'] })).toBe(704);
    expect(await store.countInteractions({})).toBe(49205);
    expect(await store.countInteractions({ from: new Date('2019-08-01T00:00:00Z'), to: new Date('2020-08-01T00:00:00Z') })).toBe(4148);
    const revision = await store.revision();

    expect(await loadDemoData(store)).toEqual({ actors: 743, interactionsCreated: 0, interactionsAlreadyPresent: 49205 });
    expect(await store.countInteractions({})).toBe(49205);
    // Upserting the actors again counts as a write; no interaction was created.
    expect(await store.revision()).toBe(revision + 1);
  });
});
