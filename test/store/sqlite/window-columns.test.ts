import type { Actor } from '../../../src/domain/actor';
import type { Interaction } from '../../../src/domain/interaction';
import type { Scope } from '../../../src/domain/scope';
import { InteractionColumns } from '../../../src/projection/interaction-columns';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';
import type { Store } from '../../../src/store/store';

function actor(id: string, kind: Actor['kind']): Actor {
  return { id, name: id.toUpperCase(), kind, region: null, tags: [], affiliationId: null };
}

/** 9,001 interactions (more than two of readWindowColumns' chunks), many sharing a millisecond, so the keyset pages on the id. */
function interactions(): Interaction[] {
  const kinds = ['CONVENING', 'PEER_EXCHANGE', 'SITE_VISIT'] as const;
  return Array.from({ length: 9001 }, (_, i) => ({
    id: `i${(i * 7919) % 9001}`,
    externalId: null,
    kind: kinds[i % 3]!,
    occurredAt: new Date(Date.UTC(2021, 0, 1) + Math.floor(i / 3) * 60_000),
    initiatorId: `a${i % 40}`,
    participantIds: i % 5 === 0 ? [`s${i % 11}`, `a${(i + 1) % 40}`] : [`s${i % 11}`],
    weight: 1 + (i % 4),
    note: 'n',
  }));
}

async function bothReads(store: Store, window: { from: Date; to: Date }, scope: Scope) {
  const raw = new InteractionColumns();
  await store.readWindowInto!(window, scope, raw);
  const streamed = new InteractionColumns();
  for await (const i of store.streamWindow(window, scope)) streamed.push(i);
  return { raw, streamed };
}

describe('SqliteStore.readWindowInto (a series reading raw columns)', () => {
  let store: Store;
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    await store.upsertActors([
      ...Array.from({ length: 40 }, (_, i) => actor(`a${i}`, 'INTERMEDIARY')),
      ...Array.from({ length: 11 }, (_, i) => actor(`s${i}`, 'SCHOOL')),
    ]);
    await store.recordInteractions(interactions());
  });
  afterAll(() => store.close());

  it.each<[string, Scope]>([
    ['no scope', {}],
    ['interaction kinds', { interactionKinds: ['PEER_EXCHANGE', 'SITE_VISIT'] }],
    ['actor kinds', { actorKinds: ['SCHOOL'] }],
  ])('gives what streamWindow gives, in the same order, across chunks (%s)', async (_name, scope) => {
    const window = { from: new Date(Date.UTC(2021, 0, 1, 2)), to: new Date(Date.UTC(2021, 0, 3, 12)) };
    const { raw, streamed } = await bothReads(store, window, scope);
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.length).toBe(streamed.length);
    expect(raw.actorIds).toEqual(streamed.actorIds);
    expect(raw.parts(window.from.getTime(), window.to.getTime())).toEqual(streamed.parts(window.from.getTime(), window.to.getTime()));
  });

  it('reads the whole log in more than one chunk, and nothing from an empty window', async () => {
    const all = { from: new Date(Date.UTC(2020, 0, 1)), to: new Date(Date.UTC(2022, 0, 1)) };
    const { raw, streamed } = await bothReads(store, all, {});
    expect(raw.length).toBe(9001);
    expect(raw.parts(all.from.getTime(), all.to.getTime())).toEqual(streamed.parts(all.from.getTime(), all.to.getTime()));
    const empty = new InteractionColumns();
    await store.readWindowInto!({ from: new Date(Date.UTC(2019, 0, 1)), to: new Date(Date.UTC(2019, 1, 1)) }, {}, empty);
    expect(empty.length).toBe(0);
  });
});
