import { ActorDirectory } from '../../src/import/actor-directory';
import { openTestStore } from '../store/test-store';
import { useTempDir } from './temp-files';

const temp = useTempDir();

describe('ActorDirectory', () => {
  it('answers for the actors file at once, asks the store once per other id, and forgets withdrawn rows', async () => {
    const store = await openTestStore(temp.path('directory.db'));
    await store.upsertActors([
      { id: 'stored', name: 'Stored', kind: 'SCHOOL', region: null, tags: [], affiliationId: null },
      { id: 'both', name: 'Both', kind: 'SCHOOL', region: null, tags: [], affiliationId: null },
    ]);
    const invalid = new Map([['bad', { line: 4, path: null }]]);
    const directory = new ActorDirectory(store, new Set(['good', 'both', 'withdrawn']), invalid, 'actors.csv');

    expect(['good', 'both', 'withdrawn', 'stored'].map((id) => directory.isResolved(id))).toEqual([true, true, true, false]);
    expect(directory.resolve(['good', 'both'])).toBeNull();
    await directory.resolve(['stored', 'ghost', 'bad', 'stored']);
    expect(directory.resolve(['stored', 'ghost', 'bad'])).toBeNull();

    invalid.set('withdrawn', { line: 7, path: null });
    invalid.set('both', { line: 8, path: null });
    directory.withdraw('withdrawn');
    directory.withdraw('both');
    expect(directory.isResolved('withdrawn')).toBe(false);
    await directory.resolve(['withdrawn', 'both']);

    expect(['good', 'stored', 'both', 'ghost', 'bad', 'withdrawn'].map(directory.whyUnknown)).toEqual([
      null,
      null,
      null, // its row is invalid, but the store has it
      'is not a known actor (not in the store or in actors.csv)',
      'is not a known actor: its row in actors.csv (line 4) is invalid',
      'is not a known actor: its row in actors.csv (line 7) is invalid',
    ]);
    await store.close();
  });

  it('learns which ids are aliases of merged actors: those of the store as it asks, those of the actors file in one pass', async () => {
    const store = await openTestStore(temp.path('aliases.db'));
    await store.upsertActors(
      ['keep', 'dupl', 'dupl-2', 'other'].map((id) => ({ id, name: id, kind: 'SCHOOL', region: null, tags: [], affiliationId: null })),
    );
    for (const source of ['dupl', 'dupl-2'])
      await store.mergeActors(source, 'keep', { allowKindChange: false }, { by: 'test', at: new Date() });
    const directory = new ActorDirectory(store, new Set(['dupl-2', 'new']), new Map(), 'actors.csv');

    expect(directory.aliases).toBeNull();
    await directory.resolve(['dupl', 'keep', 'other', 'ghost']);
    expect(directory.aliases).toBe(directory.mergedInto);
    expect(['dupl', 'keep', 'other', 'ghost', 'dupl-2', 'new'].map(directory.mergedInto)).toEqual(['keep', null, null, null, null, null]);
    await directory.resolveFileAliases();
    expect(['dupl', 'dupl-2', 'new'].map(directory.mergedInto)).toEqual(['keep', 'keep', null]);
    expect(['dupl', 'dupl-2', 'new', 'ghost'].map(directory.whyUnknown)).toEqual([
      null,
      null,
      null,
      'is not a known actor (not in the store or in actors.csv)',
    ]);
    await store.close();
  });
});
