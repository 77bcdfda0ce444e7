import type { Store } from '../../src/store/store';

/** Opens the store file for one look and closes it again. */
export type Inspect = <T>(work: (store: Store) => Promise<T>) => Promise<T>;

/**
 * A store file at `path` holding `ids` as intermediaries, each of `merged` then merged into
 * `target` (so their ids are aliases), opened with `open` (the test store, or SQLite for the CLI).
 */
export async function mergedStoreFile(
  path: string,
  ids: readonly string[],
  merged: readonly string[],
  target: string,
  open: (path: string) => Store | Promise<Store>,
): Promise<Inspect> {
  const inspect: Inspect = async (work) => {
    const store = await open(path);
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };
  await inspect(async (store) => {
    await store.upsertActors(
      ids.map((id) => ({ id, name: `Network ${id}`, kind: 'INTERMEDIARY', region: null, tags: [], affiliationId: null })),
    );
    for (const source of merged) await store.mergeActors(source, target, { allowKindChange: false }, { by: 'test', at: new Date() });
  });
  return inspect;
}
