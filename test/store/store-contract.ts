import type { Actor } from '../../src/domain/actor';
import { InvalidInputError } from '../../src/domain/errors';
import type { Interaction } from '../../src/domain/interaction';
import type { Store } from '../../src/store/store';

/**
 * The behaviour every Store adapter shares. Each adapter's test file calls
 * defineStoreContract with a factory that returns a store over an empty database.
 */
export function defineStoreContract(name: string, openEmptyStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openEmptyStore();
    });
    afterEach(async () => {
      // Undefined when opening failed: let that failure be the only one reported.
      await store?.close();
    });

    const foundation = actor('bmgf', 'Gates Foundation', 'FOUNDATION', { region: 'WA', tags: ['funder'] });
    const baltimore = actor('nsi-baltimore', 'Baltimore City Public Schools', 'INTERMEDIARY', {
      region: 'MD',
      tags: ['district', 'cohort-2018'],
    });
    const core = actor('nsi-core', 'CORE Districts', 'INTERMEDIARY', { region: 'CA', tags: ['nonprofit'] });
    const school = actor('school-frederick', 'Frederick Douglass High School', 'SCHOOL', { region: 'MD', affiliationId: 'nsi-baltimore' });
    const partner = actor('sp-learning-forward', 'Learning Forward', 'SUPPORT_PARTNER', { region: null });
    const everyone = [foundation, baltimore, core, school, partner];

    describe('actors', () => {
      it('stores actors and returns them in input order', async () => {
        const stored = await store.upsertActors(everyone);
        expect(stored).toEqual(everyone);
      });

      it('looks actors up by many ids at once, in the order asked, null for unknown ids', async () => {
        await store.upsertActors(everyone);
        expect(await store.getActorsByIds(['nsi-core', 'nobody', 'bmgf', 'nsi-core'])).toEqual([core, null, foundation, core]);
        expect(await store.getActorsByIds([])).toEqual([]);
      });

      it('replaces an actor upserted again with the same id', async () => {
        await store.upsertActors(everyone);
        const renamed = { ...core, name: 'CORE Districts (California)', tags: ['nonprofit', 'cohort-2019'], region: null };
        await store.upsertActors([renamed]);
        expect(await store.getActorsByIds(['nsi-core'])).toEqual([renamed]);
        expect(await store.countActors({})).toBe(5);
      });

      it('accepts an affiliation to an actor later in the same batch', async () => {
        await store.upsertActors([school, baltimore]);
        expect((await store.getActorsByIds(['school-frederick']))[0]?.affiliationId).toBe('nsi-baltimore');
      });

      it('rejects an unknown affiliation and writes nothing of the batch', async () => {
        const orphan = actor('school-x', 'School X', 'SCHOOL', { affiliationId: 'nsi-nowhere' });
        await expectInvalid(
          store.upsertActors([foundation, orphan]),
          'actors[1].affiliationId',
          'actors[1].affiliationId: "nsi-nowhere" is not a known actor',
        );
        expect(await store.countActors({})).toBe(0);
      });

      it('filters by kinds, region, tag and case-insensitive name search, ordered by id', async () => {
        await store.upsertActors(everyone);
        const ids = async (filter: Parameters<Store['listActors']>[0]) =>
          (await store.listActors(filter, { first: 50, after: null })).items.map((a) => a.id);
        expect(await ids({})).toEqual(['bmgf', 'nsi-baltimore', 'nsi-core', 'school-frederick', 'sp-learning-forward']);
        expect(await ids({ kinds: ['INTERMEDIARY', 'SCHOOL'] })).toEqual(['nsi-baltimore', 'nsi-core', 'school-frederick']);
        expect(await ids({ region: 'MD' })).toEqual(['nsi-baltimore', 'school-frederick']);
        expect(await ids({ tag: 'district' })).toEqual(['nsi-baltimore']);
        expect(await ids({ search: 'DISTRICTS' })).toEqual(['nsi-core']);
        expect(await ids({ search: 'high', kinds: ['SCHOOL'], region: 'MD' })).toEqual(['school-frederick']);
        expect(await ids({ search: 'no such name' })).toEqual([]);
        expect(await store.countActors({ region: 'MD' })).toBe(2);
        expect(await store.countActors({ kinds: ['FOUNDATION'] })).toBe(1);
      });

      it('pages through actors by id with a keyset cursor', async () => {
        await store.upsertActors(everyone);
        const first = await store.listActors({}, { first: 2, after: null });
        expect(first.items.map((a) => a.id)).toEqual(['bmgf', 'nsi-baltimore']);
        expect(first.hasNextPage).toBe(true);
        const second = await store.listActors({}, { first: 2, after: { id: 'nsi-baltimore' } });
        expect(second.items.map((a) => a.id)).toEqual(['nsi-core', 'school-frederick']);
        const last = await store.listActors({}, { first: 2, after: { id: 'school-frederick' } });
        expect(last.items.map((a) => a.id)).toEqual(['sp-learning-forward']);
        expect(last.hasNextPage).toBe(false);
        expect((await store.listActors({}, { first: 0, after: null })).items).toEqual([]);
      });

      it('streams every actor ordered by id', async () => {
        await store.upsertActors([partner, school, baltimore, core, foundation]);
        const ids: string[] = [];
        for await (const a of store.streamActors()) ids.push(a.id);
        expect(ids).toEqual(['bmgf', 'nsi-baltimore', 'nsi-core', 'school-frederick', 'sp-learning-forward']);
      });
    });

    describe('interactions', () => {
      beforeEach(async () => {
        await store.upsertActors(everyone);
      });

      it('records interactions and reads them back exactly', async () => {
        const convening = interaction('i-1', '2018-10-16T17:00:00.123Z', 'bmgf', ['nsi-core', 'nsi-baltimore'], {
          kind: 'CONVENING',
          externalId: 'seattle-2018',
          weight: 2.5,
          note: 'Seattle convening — “design the CoP”',
        });
        const visit = interaction('i-2', '2019-03-05T15:00:00Z', 'nsi-baltimore', ['nsi-core'], { kind: 'SITE_VISIT' });
        const results = await store.recordInteractions([convening, visit]);
        expect(results).toEqual([
          { interaction: convening, created: true },
          { interaction: visit, created: true },
        ]);
        expect(await store.getInteractionsByIds(['i-2', 'nope', 'i-1'])).toEqual([visit, null, convening]);
      });

      it('does not duplicate an externalId recorded twice, and returns the stored one', async () => {
        const original = interaction('i-1', '2019-02-12T09:00:00Z', 'bmgf', ['nsi-core'], { externalId: 'ext-1' });
        await store.recordInteractions([original]);
        const revision = await store.revision();
        const again = interaction('i-other', '2020-01-01T00:00:00Z', 'bmgf', ['nsi-baltimore'], { externalId: 'ext-1' });
        expect(await store.recordInteractions([again])).toEqual([{ interaction: original, created: false }]);
        expect(await store.countInteractions({})).toBe(1);
        expect(await store.revision()).toBe(revision);
      });

      it('does not duplicate an interaction recorded twice with the same id', async () => {
        const original = interaction('i-1', '2019-02-12T09:00:00Z', 'bmgf', ['nsi-core']);
        await store.recordInteractions([original]);
        expect(await store.recordInteractions([original])).toEqual([{ interaction: original, created: false }]);
        expect(await store.countInteractions({})).toBe(1);
      });

      it('in a batch of 130, keeps the first of ids and externalIds repeated in it, and returns the stored one for each taken', async () => {
        const storedWithKey = interaction('i-s1', '2019-01-01T00:00:00Z', 'bmgf', ['nsi-core'], { externalId: 'ext-s1' });
        const storedWithoutKey = interaction('i-s2', '2019-01-02T00:00:00Z', 'bmgf', ['nsi-core']);
        await store.recordInteractions([storedWithKey, storedWithoutKey]);
        const at = (k: number) => new Date(Date.UTC(2019, 1, 1) + k * 60_000).toISOString();
        const batch = Array.from({ length: 130 }, (_, k) =>
          interaction(`b-${k}`, at(k), 'nsi-baltimore', ['bmgf'], { externalId: `ext-${k}` }),
        );
        batch[10] = interaction('b-10', at(10), 'nsi-baltimore', ['bmgf'], { externalId: 'ext-s1' }); // stored externalId
        batch[20] = interaction('i-s2', at(20), 'nsi-baltimore', ['bmgf'], { externalId: 'ext-20' }); // stored id
        batch[70] = interaction('b-70', at(70), 'nsi-baltimore', ['bmgf'], { externalId: 'ext-5' }); // externalId of row 5
        batch[80] = interaction('b-75', at(80), 'nsi-baltimore', ['bmgf'], { externalId: 'ext-80' }); // id of row 75
        batch[120] = interaction('b-120', at(120), 'nsi-baltimore', ['bmgf'], { externalId: 'ext-100' }); // externalId of row 100
        const twins = new Map([
          [10, storedWithKey],
          [20, storedWithoutKey],
          [70, batch[5]!],
          [80, batch[75]!],
          [120, batch[100]!],
        ]);
        const results = await store.recordInteractions(batch);
        expect(results).toEqual(batch.map((given, k) => ({ interaction: twins.get(k) ?? given, created: !twins.has(k) })));
        expect(await store.countInteractions({})).toBe(2 + 125);
        // Every row written is found by its actors too (the by-actor index covers the whole batch).
        expect(await store.countInteractions({ actorId: 'nsi-baltimore' })).toBe(125);
      });

      it('rejects an unknown initiator or participant, naming its place in the batch, and writes nothing', async () => {
        const good = interaction('i-1', '2019-02-12T09:00:00Z', 'bmgf', ['nsi-core']);
        const badParticipant = interaction('i-2', '2019-02-13T09:00:00Z', 'bmgf', ['nsi-core', 'nsi-ghost']);
        await expectInvalid(
          store.recordInteractions([good, badParticipant]),
          'interactions[1].participantIds[1]',
          'interactions[1].participantIds[1]: "nsi-ghost" is not a known actor',
        );
        const badInitiator = interaction('i-3', '2019-02-13T09:00:00Z', 'ghost', ['nsi-core']);
        await expectInvalid(
          store.recordInteractions([badInitiator]),
          'interactions[0].initiatorId',
          'interactions[0].initiatorId: "ghost" is not a known actor',
        );
        expect(await store.countInteractions({})).toBe(0);
      });

      it('moves the revision on every write that changes data', async () => {
        const start = await store.revision();
        await store.recordInteractions([interaction('i-1', '2019-02-12T09:00:00Z', 'bmgf', ['nsi-core'])]);
        const afterInteraction = await store.revision();
        expect(afterInteraction).toBeGreaterThan(start);
        await store.upsertActors([core]);
        expect(await store.revision()).toBeGreaterThan(afterInteraction);
      });

      it('counts every one of many concurrent writes in the revision, and loses none of them', async () => {
        const start = await store.revision();
        const writes = Array.from({ length: 12 }, (_, n) =>
          n % 2 === 0
            ? store.recordInteractions([interaction(`c-${n}`, '2019-02-12T09:00:00Z', 'bmgf', ['nsi-core', 'nsi-baltimore'])])
            : store.upsertActors([{ ...core, name: `CORE ${n}` }]),
        );
        await Promise.all(writes);
        expect(await store.revision()).toBe(start + 12);
        expect(await store.countInteractions({ actorId: 'nsi-core' })).toBe(6);
      });

      describe('listing, counting and streaming', () => {
        const log = [
          interaction('a', '2019-01-10T00:00:00Z', 'bmgf', ['nsi-core', 'nsi-baltimore'], { kind: 'CONVENING' }),
          interaction('b', '2019-02-01T00:00:00Z', 'nsi-baltimore', ['nsi-core'], { kind: 'SITE_VISIT' }),
          interaction('d', '2019-03-01T00:00:00Z', 'school-frederick', ['nsi-baltimore'], { kind: 'PEER_EXCHANGE' }),
          interaction('c', '2019-03-01T00:00:00Z', 'sp-learning-forward', ['nsi-core'], { kind: 'TECHNICAL_ASSISTANCE' }),
          interaction('e', '2019-04-01T00:00:00Z', 'bmgf', ['nsi-baltimore'], { kind: 'GRANT' }),
        ];
        beforeEach(async () => {
          await store.recordInteractions(log);
        });
        const listIds = async (filter: Parameters<Store['listInteractions']>[0]) =>
          (await store.listInteractions(filter, { first: 50, after: null })).items.map((i) => i.id);

        it('orders by occurredAt then id', async () => {
          expect(await listIds({})).toEqual(['a', 'b', 'c', 'd', 'e']);
        });

        it('filters by a half-open time range, kinds and actor (as initiator or participant)', async () => {
          expect(await listIds({ from: new Date('2019-02-01T00:00:00Z'), to: new Date('2019-04-01T00:00:00Z') })).toEqual(['b', 'c', 'd']);
          expect(await listIds({ kinds: ['GRANT', 'SITE_VISIT'] })).toEqual(['b', 'e']);
          expect(await listIds({ actorId: 'nsi-core' })).toEqual(['a', 'b', 'c']);
          expect(await listIds({ actorId: 'school-frederick' })).toEqual(['d']);
          expect(await listIds({ actorId: 'nsi-baltimore', from: new Date('2019-02-15T00:00:00Z') })).toEqual(['d', 'e']);
          expect(await store.countInteractions({ actorId: 'nsi-baltimore' })).toBe(4);
          expect(await store.countInteractions({ kinds: ['CONVENING'] })).toBe(1);
        });

        it('pages with a keyset cursor that breaks time ties by id', async () => {
          const first = await store.listInteractions({}, { first: 2, after: null });
          expect(first.items.map((i) => i.id)).toEqual(['a', 'b']);
          expect(first.hasNextPage).toBe(true);
          const next = await store.listInteractions({}, { first: 2, after: { occurredAt: Date.parse('2019-03-01T00:00:00Z'), id: 'c' } });
          expect(next.items.map((i) => i.id)).toEqual(['d', 'e']);
          expect(next.hasNextPage).toBe(false);
        });

        it('streams a window [from, to) in order, with interaction-kind and actor-kind scopes', async () => {
          const ids = async (window: { from: string; to: string }, scope = {}) => {
            const out: string[] = [];
            for await (const i of store.streamWindow({ from: new Date(window.from), to: new Date(window.to) }, scope)) out.push(i.id);
            return out;
          };
          const all = { from: '2019-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z' };
          expect(await ids(all)).toEqual(['a', 'b', 'c', 'd', 'e']);
          expect(await ids({ from: '2019-01-10T00:00:00Z', to: '2019-03-01T00:00:00Z' })).toEqual(['a', 'b']);
          expect(await ids(all, { interactionKinds: ['PEER_EXCHANGE', 'SITE_VISIT'] })).toEqual(['b', 'd']);
          expect(await ids(all, { actorKinds: ['SCHOOL'] })).toEqual(['d']);
          expect(await ids(all, { actorKinds: ['SUPPORT_PARTNER', 'FOUNDATION'] })).toEqual(['a', 'c', 'e']);
          expect(await ids({ from: '2030-01-01T00:00:00Z', to: '2031-01-01T00:00:00Z' })).toEqual([]);
        });

        it('counts a window as streamWindow would stream it, scopes and deletions included', async () => {
          const count = (from: string, to: string, scope = {}) => store.countWindow({ from: new Date(from), to: new Date(to) }, scope);
          expect(await count('2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z')).toBe(5);
          expect(await count('2019-01-10T00:00:00Z', '2019-03-01T00:00:00Z')).toBe(2);
          expect(await count('2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z', { interactionKinds: ['PEER_EXCHANGE', 'SITE_VISIT'] })).toBe(
            2,
          );
          expect(await count('2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z', { actorKinds: ['SUPPORT_PARTNER', 'FOUNDATION'] })).toBe(3);
          expect(await count('2030-01-01T00:00:00Z', '2031-01-01T00:00:00Z')).toBe(0);
          await store.deleteInteractions(['b'], 'a test', { by: 'test', at: new Date('2024-01-01T00:00:00Z') });
          expect(await count('2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z')).toBe(4);
        });
      });

      it('streams a window longer than one read chunk without losing or repeating rows', async () => {
        const many: Interaction[] = [];
        for (let i = 0; i < 12_345; i++) {
          const at = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 3) * 60_000).toISOString();
          many.push(interaction(`m-${String(i).padStart(5, '0')}`, at, 'nsi-baltimore', ['nsi-core']));
        }
        await store.recordInteractions(many);
        let count = 0;
        let previous = '';
        for await (const i of store.streamWindow({ from: new Date('2020-01-01T00:00:00Z'), to: new Date('2021-01-01T00:00:00Z') })) {
          expect(i.id > previous).toBe(true);
          previous = i.id;
          count++;
        }
        expect(count).toBe(12_345);
      });
    });
  });
}

export function actor(id: string, name: string, kind: Actor['kind'], extra: Partial<Actor> = {}): Actor {
  return { id, name, kind, region: null, tags: [], affiliationId: null, ...extra };
}

export function interaction(
  id: string,
  occurredAt: string,
  initiatorId: string,
  participantIds: string[],
  extra: Partial<Interaction> = {},
): Interaction {
  return {
    id,
    externalId: null,
    kind: 'OTHER',
    occurredAt: new Date(occurredAt),
    initiatorId,
    participantIds,
    weight: 1,
    note: null,
    ...extra,
  };
}

export async function expectInvalid(promise: Promise<unknown>, field: string, message: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  expect((error as InvalidInputError).field).toBe(field);
  expect((error as InvalidInputError).message).toBe(message);
}
