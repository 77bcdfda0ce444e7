import type { Author, StoredToken } from '../../src/domain/access';
import type { AuditEntry } from '../../src/domain/audit';
import type { Store } from '../../src/store/store';
import { actor, expectInvalid, interaction } from './store-contract';

/**
 * The store contract for what issue 10 added: audit stamps and log, corrections (update,
 * soft delete and restore, merge with alias, delete actor) and API tokens. Every adapter's
 * test file calls it beside defineStoreContract, with the same factory.
 */
export function defineCorrectionContract(name: string, openEmptyStore: () => Promise<Store>): void {
  describe(`Store contract (audit, corrections, tokens): ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openEmptyStore();
    });
    afterEach(async () => {
      await store?.close();
    });

    const alice: Author = { by: 'alice', at: new Date('2024-01-02T03:04:05.006Z') };
    const bob: Author = { by: 'bob', at: new Date('2024-02-03T04:05:06.007Z') };
    const foundation = actor('bmgf', 'Gates Foundation', 'FOUNDATION');
    const baltimore = actor('nsi-baltimore', 'Baltimore City Public Schools', 'INTERMEDIARY');
    const baltimoreTwin = actor('nsi-bcps', 'BCPS', 'INTERMEDIARY', { region: 'MD' });
    const core = actor('nsi-core', 'CORE Districts', 'INTERMEDIARY');
    const school = actor('school-frederick', 'Frederick Douglass High School', 'SCHOOL', { affiliationId: 'nsi-bcps' });
    const everyone = [foundation, baltimore, baltimoreTwin, core, school];

    const visit = interaction('i-1', '2019-02-12T09:00:00Z', 'bmgf', ['nsi-core'], { externalId: 'ext-1' });
    const convening = interaction('i-2', '2019-03-01T10:00:00.250Z', 'nsi-bcps', ['nsi-core', 'school-frederick'], {
      kind: 'CONVENING',
      note: 'spring',
    });
    const peer = interaction('i-3', '2019-04-01T00:00:00Z', 'nsi-core', ['nsi-bcps']);

    const allIds = async () => (await store.listInteractions({}, { first: 100, after: null })).items.map((i) => i.id);
    const log = async (filter: Parameters<Store['listAuditLog']>[0] = {}) =>
      (await store.listAuditLog(filter, { first: 100, after: null })).items;
    const summary = (entries: readonly AuditEntry[]) => entries.map((e) => `${e.action} ${e.subject} ${e.subjectId} by ${e.by}`);

    describe('audit stamps and log', () => {
      it('stamps who recorded and who last changed actors and interactions', async () => {
        await store.upsertActors(everyone, alice);
        await store.upsertActors([{ ...core, name: 'CORE' }], bob);
        expect(await store.getActorStamps(['nsi-core', 'bmgf', 'nobody'])).toEqual([
          { recordedBy: 'alice', recordedAt: alice.at, updatedBy: 'bob', updatedAt: bob.at },
          { recordedBy: 'alice', recordedAt: alice.at, updatedBy: null, updatedAt: null },
          null,
        ]);
        await store.recordInteractions([visit], bob);
        expect(await store.getInteractionStamps(['i-1'])).toEqual([
          { recordedBy: 'bob', recordedAt: bob.at, updatedBy: null, updatedAt: null },
        ]);
      });

      it('logs one entry per change, in order, with the values before and after; unchanged actors are not logged', async () => {
        await store.upsertActors([foundation, core], alice);
        await store.upsertActors([foundation, { ...core, region: 'CA' }], bob);
        await store.recordInteractions([visit], bob);
        await store.recordInteractions([visit], bob); // already there: no entry
        const entries = await log();
        expect(summary(entries)).toEqual([
          'CREATE ACTOR bmgf by alice',
          'CREATE ACTOR nsi-core by alice',
          'UPDATE ACTOR nsi-core by bob',
          'CREATE INTERACTION_BATCH unnamed by bob',
        ]);
        expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
        expect(entries[2]).toMatchObject({ at: bob.at, before: core, after: { ...core, region: 'CA' }, relatedId: null, reason: null });
        expect(entries[3]).toMatchObject({ at: bob.at, before: null, after: { source: null, count: 1, interactionIds: ['i-1'] } });
      });

      it('logs a batch of interactions once: its source, and the ids it created in the order given, not those already stored', async () => {
        await store.upsertActors(everyone, alice);
        await store.recordInteractions([visit], alice);
        const old = interaction('i-old', '1969-12-31T23:59:59.001Z', 'bmgf', ['nsi-core'], { weight: 2.5, note: 'x' });
        const recorded = await store.recordInteractions([convening, { ...visit, id: 'i-again' }, old], bob, 'interactions.csv');
        expect(recorded.map((r) => r.created)).toEqual([true, false, true]);
        const batches = (await log()).filter((e) => e.subject === 'INTERACTION_BATCH');
        expect(batches.map(({ seq: _seq, ...entry }) => entry)).toEqual([
          {
            at: alice.at,
            by: 'alice',
            action: 'CREATE',
            subject: 'INTERACTION_BATCH',
            subjectId: 'unnamed',
            relatedId: null,
            before: null,
            after: { source: null, count: 1, interactionIds: ['i-1'] },
            reason: null,
          },
          {
            at: bob.at,
            by: 'bob',
            action: 'CREATE',
            subject: 'INTERACTION_BATCH',
            subjectId: 'interactions.csv',
            relatedId: null,
            before: null,
            after: { source: 'interactions.csv', count: 2, interactionIds: ['i-2', 'i-old'] },
            reason: null,
          },
        ]);
        // The values are the interactions' own, with their stamps.
        expect(await store.getInteractionsByIds(['i-old'])).toEqual([old]);
        expect(await store.getInteractionStamps(['i-old'])).toEqual([
          { recordedBy: 'bob', recordedAt: bob.at, updatedBy: null, updatedAt: null },
        ]);
        // Filtering by an interaction's id finds the batch that recorded it, and only that one.
        expect((await log({ interactionId: 'i-old' })).map((e) => e.seq)).toEqual([batches[1]!.seq]);
        expect((await log({ interactionId: 'i-1' })).map((e) => e.seq)).toEqual([batches[0]!.seq]);
        expect(await log({ interactionId: 'i-again' })).toEqual([]);
        expect(await store.listAuditLog({ interactionId: 'i-2' }, { first: 10, after: null }, 'NEWEST_FIRST')).toMatchObject({
          items: [{ seq: batches[1]!.seq }],
        });
      });

      it('filters the log by actor, interaction, author and time, and pages it', async () => {
        await store.upsertActors(everyone, alice);
        await store.recordInteractions([visit, peer], bob);
        expect(summary(await log({ actorId: 'nsi-core' }))).toEqual(['CREATE ACTOR nsi-core by alice']);
        expect(summary(await log({ interactionId: 'i-3' }))).toEqual(['CREATE INTERACTION_BATCH unnamed by bob']);
        expect(summary(await log({ interactionId: 'i-3', by: 'alice' }))).toEqual([]);
        expect(summary(await log({ by: 'bob' }))).toEqual(['CREATE INTERACTION_BATCH unnamed by bob']);
        expect(await log({ from: new Date('2024-02-01T00:00:00Z') })).toHaveLength(1);
        expect(await log({ to: new Date('2024-02-01T00:00:00Z') })).toHaveLength(5);
        const first = await store.listAuditLog({}, { first: 3, after: null });
        expect(first.hasNextPage).toBe(true);
        const rest = await store.listAuditLog({}, { first: 10, after: { seq: first.items[2]!.seq } });
        expect(summary([...first.items, ...rest.items])).toEqual(summary(await log()));
        expect(rest.hasNextPage).toBe(false);
      });
    });

    describe('corrections', () => {
      beforeEach(async () => {
        await store.upsertActors(everyone, alice);
        await store.recordInteractions([visit, convening, peer], alice);
      });

      it('updates an interaction: new data everywhere, stamps, a logged before and after, a new revision', async () => {
        const revision = await store.revision();
        const corrected = {
          ...convening,
          kind: 'PEER_EXCHANGE' as const,
          initiatorId: 'nsi-core',
          participantIds: ['nsi-baltimore'],
          occurredAt: new Date('2019-05-01T00:00:00Z'),
          weight: 3,
          note: null,
        };
        expect(await store.updateInteraction(corrected, bob)).toEqual(corrected);
        expect(await store.getInteractionsByIds(['i-2'])).toEqual([corrected]);
        expect((await store.listInteractions({ actorId: 'nsi-baltimore' }, { first: 10, after: null })).items.map((i) => i.id)).toEqual([
          'i-2',
        ]);
        expect(await store.countInteractions({ actorId: 'school-frederick' })).toBe(0);
        expect(await allIds()).toEqual(['i-1', 'i-3', 'i-2']);
        expect(await store.revision()).toBeGreaterThan(revision);
        expect(await store.getInteractionStamps(['i-2'])).toEqual([
          { recordedBy: 'alice', recordedAt: alice.at, updatedBy: 'bob', updatedAt: bob.at },
        ]);
        const [entry] = await log({ interactionId: 'i-2', by: 'bob' });
        expect(entry).toMatchObject({
          action: 'UPDATE',
          before: { kind: 'CONVENING', initiatorId: 'nsi-bcps', note: 'spring' },
          after: { kind: 'PEER_EXCHANGE', occurredAt: '2019-05-01T00:00:00.000Z', note: null },
        });
      });

      it('refuses to update an unknown interaction or to name an unknown actor, and changes nothing', async () => {
        const revision = await store.revision();
        await expectInvalid(store.updateInteraction({ ...visit, id: 'nope' }, bob), 'id', 'id: "nope" is not a known interaction');
        await expectInvalid(
          store.updateInteraction({ ...visit, participantIds: ['ghost'] }, bob),
          // Named as the API's patch argument, not as a batch entry: a correction is no batch.
          'patch.participantIds[0]',
          'patch.participantIds[0]: "ghost" is not a known actor',
        );
        expect(await store.getInteractionsByIds(['i-1'])).toEqual([visit]);
        expect(await store.revision()).toBe(revision);
      });

      it('soft-deletes interactions out of every read and restores them exactly', async () => {
        const window = { from: new Date('2019-01-01T00:00:00Z'), to: new Date('2020-01-01T00:00:00Z') };
        const streamed = async () => {
          const ids: string[] = [];
          for await (const i of store.streamWindow(window)) ids.push(i.id);
          return ids;
        };
        const revision = await store.revision();
        expect(await store.deleteInteractions(['i-2', 'i-3'], 'recorded twice', bob)).toEqual([convening, peer]);
        expect(await store.revision()).toBeGreaterThan(revision);
        expect(await allIds()).toEqual(['i-1']);
        expect(await store.countInteractions({})).toBe(1);
        expect(await store.countInteractions({ actorId: 'nsi-bcps' })).toBe(0);
        expect(await streamed()).toEqual(['i-1']);
        expect(await store.getInteractionsByIds(['i-2', 'i-1'])).toEqual([null, visit]);
        const [deletion] = await log({ interactionId: 'i-2', by: 'bob' });
        expect(deletion).toMatchObject({ action: 'DELETE', reason: 'recorded twice', after: null, before: { id: 'i-2', note: 'spring' } });

        await expectInvalid(
          store.deleteInteractions(['i-1', 'i-2'], 'again', bob),
          'ids[1]',
          'ids[1]: "i-2" is deleted; restore it first (restoreInteractions)',
        );
        expect(await allIds()).toEqual(['i-1']); // all or nothing
        await expectInvalid(store.restoreInteractions(['i-2', 'i-1'], bob), 'ids[1]', 'ids[1]: "i-1" is not deleted');
        await expectInvalid(store.restoreInteractions(['nope'], bob), 'ids[0]', 'ids[0]: "nope" is not a known interaction');
        expect(await allIds()).toEqual(['i-1']);

        expect(await store.restoreInteractions(['i-3', 'i-2'], bob)).toEqual([peer, convening]);
        expect(await allIds()).toEqual(['i-1', 'i-2', 'i-3']);
        expect(await store.getInteractionsByIds(['i-2', 'i-3'])).toEqual([convening, peer]);
        expect(await streamed()).toEqual(['i-1', 'i-2', 'i-3']);
        expect(await store.countInteractions({ actorId: 'nsi-bcps' })).toBe(2);
        expect(summary(await log({ interactionId: 'i-2' }))).toEqual([
          'CREATE INTERACTION_BATCH unnamed by alice',
          'DELETE INTERACTION i-2 by bob',
          'RESTORE INTERACTION i-2 by bob',
        ]);
      });

      it("keeps a deleted interaction's externalId taken: sending it again creates nothing", async () => {
        await store.deleteInteractions(['i-1'], 'wrong', bob);
        const [again] = await store.recordInteractions([{ ...visit, id: 'i-new' }], bob);
        expect(again).toEqual({ interaction: visit, created: false });
        expect(await allIds()).toEqual(['i-2', 'i-3']);
      });

      it('merges a duplicate actor into another: interactions, affiliations, an alias for the old id', async () => {
        const revision = await store.revision();
        const merged = await store.mergeActors('nsi-bcps', 'nsi-baltimore', { allowKindChange: false }, bob);
        expect(merged).toEqual(baltimore);
        expect(await store.revision()).toBeGreaterThan(revision);
        expect(await store.countActors({})).toBe(4);
        expect(await store.getInteractionsByIds(['i-2', 'i-3'])).toEqual([
          { ...convening, initiatorId: 'nsi-baltimore' },
          { ...peer, participantIds: ['nsi-baltimore'] },
        ]);
        expect(await store.countInteractions({ actorId: 'nsi-baltimore' })).toBe(2);
        expect(await store.countInteractions({ actorId: 'nsi-bcps' })).toBe(0);
        expect((await store.getActorsByIds(['school-frederick']))[0]?.affiliationId).toBe('nsi-baltimore');
        // The old id names the target from now on.
        expect(await store.getActorsByIds(['nsi-bcps', 'bmgf'])).toEqual([baltimore, foundation]);
        expect(await store.resolveActorIds(['nsi-bcps', 'bmgf', 'nobody'])).toEqual(['nsi-baltimore', 'bmgf', 'nobody']);
        const [later] = await store.recordInteractions(
          [interaction('i-4', '2019-06-01T00:00:00Z', 'nsi-bcps', ['nsi-core', 'nsi-baltimore'])],
          bob,
        );
        expect(later).toEqual({ interaction: interaction('i-4', '2019-06-01T00:00:00Z', 'nsi-baltimore', ['nsi-core']), created: true });
        // The duplicate's id never overwrites its target (issue 19, item 6): the row is not written.
        expect(await store.upsertActors([{ ...baltimoreTwin, name: 'Baltimore (renamed)' }], bob)).toEqual([baltimore]);
        expect(await store.countActors({})).toBe(4);
        const [entry] = await log({ actorId: 'nsi-bcps', by: 'bob' });
        expect(entry).toMatchObject({
          action: 'MERGE',
          subjectId: 'nsi-bcps',
          relatedId: 'nsi-baltimore',
          before: { source: baltimoreTwin, target: baltimore },
        });
        expect((entry?.after as { movedInteractionIds: string[] }).movedInteractionIds.sort()).toEqual(['i-2', 'i-3']);
        // Aliases follow a second merge.
        await store.mergeActors('nsi-baltimore', 'bmgf', { allowKindChange: true }, bob);
        expect((await store.getActorsByIds(['nsi-bcps']))[0]?.id).toBe('bmgf');
      });

      it('moves deleted interactions too, so a restore after a merge names the target', async () => {
        await store.deleteInteractions(['i-3'], 'unsure', bob);
        await store.mergeActors('nsi-bcps', 'nsi-baltimore', { allowKindChange: false }, bob);
        expect(await store.restoreInteractions(['i-3'], bob)).toEqual([{ ...peer, participantIds: ['nsi-baltimore'] }]);
      });

      it('refuses merges across kinds unless allowed, of unknown actors, of an actor with itself, and of two actors whose interaction would be left with no one', async () => {
        const refused: [source: string, target: string, field: string, message: string][] = [
          [
            'school-frederick',
            'nsi-core',
            'targetId',
            'targetId: "nsi-core" is a INTERMEDIARY and school-frederick a SCHOOL; pass allowKindChange: true to merge them anyway',
          ],
          ['ghost', 'nsi-core', 'sourceId', 'sourceId: "ghost" is not a known actor'],
          ['nsi-core', 'ghost', 'targetId', 'targetId: "ghost" is not a known actor'],
          ['nsi-core', 'nsi-core', 'targetId', 'targetId: "nsi-core" is the source actor itself'],
          [
            'nsi-core',
            'nsi-bcps',
            'sourceId',
            'sourceId: "nsi-core" cannot be merged into nsi-bcps: interaction i-3 is between the two only; delete it first (deleteInteractions)',
          ],
        ];
        for (const [source, target, field, message] of refused) {
          await expectInvalid(store.mergeActors(source, target, { allowKindChange: false }, bob), field, message);
        }
        expect(await store.countActors({})).toBe(5);
        expect(await store.getInteractionsByIds(['i-2'])).toEqual([convening]);
        const merged = await store.mergeActors('school-frederick', 'nsi-core', { allowKindChange: true }, bob);
        expect(merged).toEqual(core);
        expect(await store.getInteractionsByIds(['i-2'])).toEqual([{ ...convening, participantIds: ['nsi-core'] }]);
        // The merged actor's old id names no actor of its own to merge or delete, and the refusal says whose it is.
        const oldId = 'sourceId: "school-frederick" is the old id of an actor merged into nsi-core, not an actor of its own';
        await expectInvalid(store.mergeActors('school-frederick', 'nsi-bcps', { allowKindChange: true }, bob), 'sourceId', oldId);
        await expectInvalid(
          store.mergeActors('nsi-bcps', 'school-frederick', { allowKindChange: true }, bob),
          'targetId',
          'targetId: "school-frederick" is the old id of an actor merged into nsi-core, not an actor of its own',
        );
        await expectInvalid(
          store.deleteActor('school-frederick', bob),
          'id',
          'id: "school-frederick" is the old id of an actor merged into nsi-core, not an actor of its own',
        );
      });

      it('deletes an actor nothing refers to, and refuses one with interactions or affiliated actors', async () => {
        await expectInvalid(
          store.deleteActor('nsi-core', bob),
          'id',
          'id: "nsi-core" has 3 interaction(s); merge it into the actor it duplicates instead (mergeActors)',
        );
        await store.deleteInteractions(['i-2', 'i-3'], 'wrong', bob);
        // Its interactions are deleted: only the school affiliated with it holds it now.
        await expectInvalid(
          store.deleteActor('nsi-bcps', bob),
          'id',
          'id: "nsi-bcps" has 1 affiliated actor(s); merge it into the actor it duplicates instead (mergeActors)',
        );
        await store.upsertActors([{ ...school, affiliationId: 'nsi-baltimore' }], bob);
        await expectInvalid(
          store.deleteActor('nsi-baltimore', bob),
          'id',
          'id: "nsi-baltimore" has 1 affiliated actor(s); merge it into the actor it duplicates instead (mergeActors)',
        );
        await store.upsertActors([{ ...school, affiliationId: null }], bob);
        const revision = await store.revision();
        expect(await store.deleteActor('nsi-baltimore', bob)).toEqual(baltimore);
        expect(await store.getActorsByIds(['nsi-baltimore'])).toEqual([null]);
        expect(await store.revision()).toBeGreaterThan(revision);
        expect(summary(await log({ actorId: 'nsi-baltimore', by: 'bob' }))).toEqual(['DELETE ACTOR nsi-baltimore by bob']);
        await expectInvalid(store.deleteActor('nsi-baltimore', bob), 'id', 'id: "nsi-baltimore" is not a known actor');
      });
    });

    describe('issue 19: aliases, deleted interactions, audit order, names', () => {
      it('never lets a merged id overwrite its target, in a batch holding both ids either way round', async () => {
        await store.upsertActors(everyone, alice);
        await store.mergeActors('nsi-bcps', 'nsi-baltimore', { allowKindChange: false }, bob);
        const entries = (await log()).length;
        const revision = await store.revision();
        const twinFirst = await store.upsertActors([{ ...baltimoreTwin, name: 'BCPS again' }, baltimore], bob);
        const twinLast = await store.upsertActors([baltimore, { ...baltimoreTwin, kind: 'SCHOOL' }], bob);
        expect(twinFirst).toEqual([baltimore, baltimore]);
        expect(twinLast).toEqual([baltimore, baltimore]);
        expect(await store.getActorsByIds(['nsi-baltimore'])).toEqual([baltimore]);
        expect((await log()).length).toBe(entries);
        expect(await store.revision()).toBeGreaterThanOrEqual(revision);
        // An affiliation naming the alias still lands on the target.
        const [moved] = await store.upsertActors([{ ...school, affiliationId: 'nsi-bcps' }], bob);
        expect(moved).toEqual({ ...school, affiliationId: 'nsi-baltimore' });
      });

      it('merges and deletes past deleted interactions: those left between no two actors go, with their ids in the log', async () => {
        await store.upsertActors([foundation, baltimore, baltimoreTwin, core], alice);
        await store.recordInteractions([peer, visit, interaction('i-5', '2019-05-01T00:00:00Z', 'nsi-bcps', ['nsi-core', 'bmgf'])], alice);
        await store.deleteInteractions(['i-3', 'i-5'], 'recorded by mistake', bob);
        // nsi-core's only interaction with nsi-bcps is deleted: the merge goes through.
        expect(await store.mergeActors('nsi-bcps', 'nsi-core', { allowKindChange: false }, bob)).toEqual(core);
        const [merge] = await log({ actorId: 'nsi-bcps', by: 'bob' }).then((all) => all.filter((e) => e.action === 'MERGE'));
        expect(merge?.after).toMatchObject({ movedInteractionIds: ['i-5'], droppedDeletedInteractionIds: ['i-3'] });
        expect(await store.restoreInteractions(['i-5'], bob)).toEqual([interaction('i-5', '2019-05-01T00:00:00Z', 'nsi-core', ['bmgf'])]);
        await expectInvalid(store.restoreInteractions(['i-3'], bob), 'ids[0]', 'ids[0]: "i-3" is not a known interaction');
        // An actor whose interactions are all deleted can be deleted; they go with it.
        await store.deleteInteractions(['i-1'], 'wrong', bob);
        await expectInvalid(
          store.deleteActor('bmgf', bob),
          'id',
          'id: "bmgf" has 1 interaction(s); merge it into the actor it duplicates instead (mergeActors)',
        );
        await store.deleteInteractions(['i-5'], 'wrong again', bob);
        expect(await store.deleteActor('bmgf', bob)).toEqual(foundation);
        const [deletion] = (await log({ actorId: 'bmgf' })).filter((e) => e.action === 'DELETE');
        expect(deletion?.after).toEqual({ droppedDeletedInteractionIds: ['i-1', 'i-5'] });
        await expectInvalid(store.restoreInteractions(['i-1'], bob), 'ids[0]', 'ids[0]: "i-1" is not a known interaction');
        expect(await store.countActors({})).toBe(2);
      });

      it('lists the audit log newest first on request, paging on in that order', async () => {
        await store.upsertActors([foundation], alice);
        await store.upsertActors([core], alice);
        await store.upsertActors([baltimore], bob);
        const oldest = (await log()).map((e) => e.subjectId);
        expect(oldest).toEqual(['bmgf', 'nsi-core', 'nsi-baltimore']);
        const first = await store.listAuditLog({}, { first: 2, after: null }, 'NEWEST_FIRST');
        expect(first.items.map((e) => e.subjectId)).toEqual(['nsi-baltimore', 'nsi-core']);
        expect(first.hasNextPage).toBe(true);
        const next = await store.listAuditLog({}, { first: 2, after: { seq: first.items[1]!.seq } }, 'NEWEST_FIRST');
        expect(next.items.map((e) => e.subjectId)).toEqual(['bmgf']);
        expect(next.hasNextPage).toBe(false);
        const alices = await store.listAuditLog({ by: 'alice' }, { first: 10, after: null }, 'NEWEST_FIRST');
        expect(alices.items.map((e) => e.subjectId)).toEqual(['nsi-core', 'bmgf']);
      });

      it('finds actors by name, case-insensitively, ordered by id', async () => {
        await store.upsertActors([...everyone, actor('bmgf-2', 'gates foundation', 'FOUNDATION')], alice);
        expect(await store.findActorsByNames(['Gates FOUNDATION', 'nobody'])).toEqual([
          foundation,
          actor('bmgf-2', 'gates foundation', 'FOUNDATION'),
        ]);
        expect(await store.findActorsByNames([])).toEqual([]);
      });
    });

    describe('API tokens', () => {
      const token = (name: string, extra: Partial<StoredToken> = {}): StoredToken => ({
        identifier: `id-${name}`,
        name,
        role: 'writer',
        secretHash: 'ab'.repeat(32),
        createdAt: alice.at,
        createdBy: 'alice',
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
        surveyId: null,
        actorId: null,
        ...extra,
      });

      it('stores, finds, lists, touches and revokes tokens without moving the revision', async () => {
        const revision = await store.revision();
        const importer = token('importer', { expiresAt: new Date('2025-01-01T00:00:00Z') });
        await store.createToken(importer, alice);
        await store.createToken(token('dashboard', { role: 'reader', identifier: 'id-dash' }), alice);
        expect(await store.findToken('id-importer')).toEqual(importer);
        expect(await store.findToken('nope')).toBeNull();
        await store.touchToken('id-importer', bob.at);
        expect((await store.findToken('id-importer'))?.lastUsedAt).toEqual(bob.at);
        expect((await store.listTokens()).map((t) => t.name).sort()).toEqual(['dashboard', 'importer']);
        const revoked = await store.revokeToken('importer', bob);
        expect(revoked.revokedAt).toEqual(bob.at);
        expect((await store.findToken('id-importer'))?.revokedAt).toEqual(bob.at);
        expect(await store.revision()).toBe(revision);
        expect(summary(await log())).toEqual([
          'TOKEN_CREATED TOKEN importer by alice',
          'TOKEN_CREATED TOKEN dashboard by alice',
          'TOKEN_REVOKED TOKEN importer by bob',
        ]);
        expect(JSON.stringify(await log())).not.toContain('abab');
      });

      it('refuses a second token of the same name until the first is revoked', async () => {
        await store.createToken(token('ci'), alice);
        await expectInvalid(
          store.createToken(token('ci', { identifier: 'other' }), alice),
          'name',
          'name: "ci" is already the name of a token that is not revoked',
        );
        await expectInvalid(store.revokeToken('nobody', alice), 'name', 'name: "nobody" is not the name of a token that is not revoked');
        await store.revokeToken('ci', alice);
        await store.createToken(token('ci', { identifier: 'other' }), alice);
        expect((await store.listTokens()).map((t) => [t.identifier, t.revokedAt !== null]).sort()).toEqual([
          ['id-ci', true],
          ['other', false],
        ]);
      });
    });
  });
}
