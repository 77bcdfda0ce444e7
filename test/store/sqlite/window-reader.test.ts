import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemAuthor } from '../../../src/domain/access';
import type { Actor } from '../../../src/domain/actor';
import type { Interaction } from '../../../src/domain/interaction';
import type { Scope } from '../../../src/domain/scope';
import { InteractionColumns } from '../../../src/projection/interaction-columns';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { SqliteWindowReader } from '../../../src/store/sqlite/window-reader';
import type { Store } from '../../../src/store/store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function actor(id: string, kind: Actor['kind'], affiliationId: string | null = null): Actor {
  return { id, name: id.toUpperCase(), kind, region: null, tags: [], affiliationId };
}

function interaction(
  id: string,
  day: number,
  initiatorId: string,
  participantIds: string[],
  kind: Interaction['kind'] = 'CONVENING',
): Interaction {
  return { id, externalId: null, kind, occurredAt: new Date(Date.UTC(2021, 0, day)), initiatorId, participantIds, weight: day, note: 'n' };
}

/** What the worker reads, and what MetricsService would read through the store for the same window. */
async function bothReads(store: Store, path: string, window: { from: Date; to: Date }, scope: Scope) {
  const reader = new SqliteWindowReader(path);
  const columns = new InteractionColumns();
  const actors = reader.read(window, scope, columns);
  reader.close();
  const through = new InteractionColumns();
  for await (const i of store.streamWindow(window, scope)) through.push(i);
  return { columns, actors, through };
}

describe('SqliteWindowReader (a worker reading the store file itself)', () => {
  let store: Store;
  let path: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copnet-window-reader-'));
    dirs.push(dir);
    path = join(dir, 'copnet.db');
    store = openSqliteStore(path);
    await store.upsertActors([
      actor('hub', 'INTERMEDIARY'),
      actor('far', 'INTERMEDIARY'),
      actor('fund', 'FOUNDATION'),
      actor('s1', 'SCHOOL', 'far'),
      actor('s2', 'SCHOOL', 'hub'),
      actor('dup', 'SCHOOL', 'hub'),
    ]);
    await store.recordInteractions([
      interaction('i3', 3, 's1', ['fund']),
      interaction('i1', 1, 'hub', ['s2', 'fund']),
      interaction('i2', 2, 'dup', ['s2', 'fund'], 'PEER_EXCHANGE'),
      interaction('i4', 4, 'fund', ['hub']),
      interaction('i9', 9, 's2', ['hub']),
    ]);
    await store.deleteInteractions(['i4'], 'test', systemAuthor());
    await store.mergeActors('dup', 's2', { allowKindChange: false }, systemAuthor());
  });
  afterAll(() => store.close());

  it('names its file: the store’s, absent for an in-memory store', async () => {
    expect(store.windowFile).toEqual({ kind: 'sqlite', path });
    const memory = openSqliteStore(':memory:');
    expect(memory.windowFile).toBeUndefined();
    await memory.close();
  });

  it('reads what streamWindow gives, in order, without deleted interactions, merged ids resolved, schools’ affiliations added', async () => {
    const window = { from: new Date(Date.UTC(2021, 0, 1)), to: new Date(Date.UTC(2021, 0, 5)) };
    const { columns, actors, through } = await bothReads(store, path, window, {});
    const parts = columns.parts(window.from.getTime(), window.to.getTime());
    expect(parts).toEqual(through.parts(window.from.getTime(), window.to.getTime()));
    expect([...parts.times]).toEqual([1, 2, 3].map((day) => Date.UTC(2021, 0, day)));
    expect([...parts.weights]).toEqual([1, 2, 3]);
    expect(parts.actorIds).toEqual(['hub', 's2', 'fund', 's1']);
    // s1 is affiliated to `far`, which no interaction of the window names
    expect(actors.map((a) => a.id)).toEqual(['hub', 's2', 'fund', 's1', 'far']);
    expect(actors[1]).toEqual(actor('s2', 'SCHOOL', 'hub'));
  });

  it('keeps the scope: interaction kinds, and interactions involving an actor of the kinds', async () => {
    const window = { from: new Date(Date.UTC(2021, 0, 1)), to: new Date(Date.UTC(2021, 1, 1)) };
    const kinds = await bothReads(store, path, window, { interactionKinds: ['PEER_EXCHANGE'] });
    expect(kinds.columns.parts(0, Infinity)).toEqual(kinds.through.parts(0, Infinity));
    expect(kinds.columns.actorIds).toEqual(['s2', 'fund']); // dup merged into s2
    expect(kinds.actors.map((a) => a.id)).toEqual(['s2', 'fund', 'hub']);

    const foundations = await bothReads(store, path, window, { actorKinds: ['FOUNDATION'] });
    expect(foundations.columns.parts(0, Infinity)).toEqual(foundations.through.parts(0, Infinity));
    expect([...foundations.columns.parts(0, Infinity).weights]).toEqual([1, 2, 3]);
  });
});
