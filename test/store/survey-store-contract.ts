import type { Author, StoredToken } from '../../src/domain/access';
import type { AuditEntry } from '../../src/domain/audit';
import type { Rating, StoredRating, Survey } from '../../src/domain/survey';
import type { Store } from '../../src/store/store';
import { actor, expectInvalid } from './store-contract';

/**
 * The contract of the surveys part of the store (issue 23, src/store/survey-store.ts), plus the
 * respondent-token fields and what a merge or a deletion of an actor does to surveys. Every
 * adapter's test file calls it with the same factory as the other contracts.
 */
export function defineSurveyStoreContract(name: string, openEmptyStore: () => Promise<Store>): void {
  describe(`Store contract (surveys): ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openEmptyStore();
    });
    afterEach(async () => {
      await store?.close();
    });

    const alice: Author = { by: 'alice', at: new Date('2024-09-01T08:00:00.001Z') };
    const bob: Author = { by: 'bob', at: new Date('2024-10-15T12:30:00.002Z') };
    const ann = actor('a-ann', 'Ann Arbor Schools', 'INTERMEDIARY');
    const ben = actor('b-ben', 'Bentonville', 'INTERMEDIARY');
    const cal = actor('c-cal', 'Cal Partners', 'SUPPORT_PARTNER');
    const cal2 = actor('c-cal-2', 'CAL Partners', 'SUPPORT_PARTNER');
    const dee = actor('d-dee', 'Dee Foundation', 'FOUNDATION');
    const everyone = [ann, ben, cal, cal2, dee];

    const survey = (id: string, extra: Partial<Survey> = {}): Survey => ({
      id,
      name: `Survey ${id}`,
      window: { from: new Date('2024-07-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') },
      rosterKinds: ['INTERMEDIARY', 'SUPPORT_PARTNER'],
      rosterIds: ['a-ann', 'b-ben', 'c-cal'],
      openedAt: alice.at,
      openedBy: 'alice',
      closesAt: null,
      closedAt: null,
      ...extra,
    });
    const rating = (partnerId: string, items: Partial<Rating> = {}): Rating => ({
      partnerId,
      workedTogether: true,
      reliability: 4,
      openness: 3,
      sharedMission: null,
      influence: 2,
      resources: 1,
      involvement: null,
      ...items,
    });
    const notWorked = (partnerId: string): Rating => ({
      partnerId,
      workedTogether: false,
      reliability: null,
      openness: null,
      sharedMission: null,
      influence: null,
      resources: null,
      involvement: null,
    });
    const token = (name: string, extra: Partial<StoredToken> = {}): StoredToken => ({
      identifier: `id-${name}`,
      name,
      role: 'respondent',
      secretHash: 'cd'.repeat(32),
      createdAt: alice.at,
      createdBy: 'alice',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      surveyId: 's-1',
      actorId: 'a-ann',
      ...extra,
    });
    const stored = (respondentId: string, given: Rating, submittedAt: Date): StoredRating => ({ ...given, respondentId, submittedAt });
    const pairs = (ratings: readonly StoredRating[]) => ratings.map((r) => `${r.respondentId}>${r.partnerId}`);
    const log = async () => (await store.listAuditLog({}, { first: 100, after: null })).items;
    const summary = (entries: readonly AuditEntry[]) =>
      entries.map((e) => `${e.action} ${e.subject} ${e.subjectId}${e.relatedId === null ? '' : ` (${e.relatedId})`} by ${e.by}`);

    describe('surveys', () => {
      it('stores a survey as given, logs its creation and bumps the revision', async () => {
        const revision = await store.revision();
        const given = survey('s-1', { closesAt: new Date('2025-06-30T23:59:59.999Z') });
        expect(await store.surveys.createSurvey(given, alice)).toEqual(given);
        expect(await store.surveys.getSurvey('s-1')).toEqual(given);
        expect(await store.surveys.getSurvey('nope')).toBeNull();
        expect(await store.revision()).toBe(revision + 1);
        const entries = await log();
        expect(summary(entries)).toEqual(['CREATE SURVEY s-1 by alice']);
        expect(entries[0]!.at).toEqual(alice.at);
        expect(entries[0]!.before).toBeNull();
        expect(entries[0]!.after).toEqual({
          id: 's-1',
          name: 'Survey s-1',
          window: { from: '2024-07-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' },
          rosterKinds: ['INTERMEDIARY', 'SUPPORT_PARTNER'],
          rosterIds: ['a-ann', 'b-ben', 'c-cal'],
          openedAt: '2024-09-01T08:00:00.001Z',
          openedBy: 'alice',
          closesAt: '2025-06-30T23:59:59.999Z',
          closedAt: null,
        });
      });

      it('refuses a second survey with the same id and writes nothing', async () => {
        await store.surveys.createSurvey(survey('s-1'), alice);
        const revision = await store.revision();
        await expectInvalid(
          store.surveys.createSurvey(survey('s-1', { name: 'Other', rosterIds: ['d-dee'] }), bob),
          'id',
          'id: "s-1" is already the id of a survey',
        );
        expect(await store.surveys.getSurvey('s-1')).toEqual(survey('s-1'));
        expect(await store.revision()).toBe(revision);
        expect(summary(await log())).toEqual(['CREATE SURVEY s-1 by alice']);
      });

      it('lists every survey by window start, then id, each with its whole roster sorted by id', async () => {
        const spring = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') };
        const year = { from: new Date('2024-07-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') };
        const older = { from: new Date('2023-07-01T00:00:00Z'), to: new Date('2024-07-01T00:00:00Z') };
        await store.surveys.createSurvey(survey('s-b', { window: spring, rosterIds: ['d-dee'] }), alice);
        await store.surveys.createSurvey(survey('s-c', { window: year, rosterKinds: [], rosterIds: ['b-ben', 'c-cal'] }), alice);
        await store.surveys.createSurvey(survey('s-a', { window: year }), alice);
        await store.surveys.createSurvey(survey('s-z', { window: older, rosterIds: ['a-ann', 'c-cal', 'c-cal-2', 'd-dee'] }), alice);
        const listed = await store.surveys.listSurveys();
        expect(listed.map((s) => s.id)).toEqual(['s-z', 's-a', 's-c', 's-b']);
        expect(listed.map((s) => s.rosterIds)).toEqual([
          ['a-ann', 'c-cal', 'c-cal-2', 'd-dee'],
          ['a-ann', 'b-ben', 'c-cal'],
          ['b-ben', 'c-cal'],
          ['d-dee'],
        ]);
        expect(listed[2]).toEqual(survey('s-c', { window: year, rosterKinds: [], rosterIds: ['b-ben', 'c-cal'] }));
      });

      it('lists no surveys in an empty store', async () => {
        expect(await store.surveys.listSurveys()).toEqual([]);
      });

      it('closes a survey once, logging the change; closing again or an unknown id is refused', async () => {
        await store.surveys.createSurvey(survey('s-1'), alice);
        const revision = await store.revision();
        const closed = await store.surveys.closeSurvey('s-1', bob.at, bob);
        expect(closed).toEqual(survey('s-1', { closedAt: bob.at }));
        expect(await store.surveys.getSurvey('s-1')).toEqual(closed);
        expect(await store.revision()).toBe(revision + 1);
        await expectInvalid(store.surveys.closeSurvey('s-1', bob.at, bob), 'id', 'id: "s-1" is already closed');
        await expectInvalid(store.surveys.closeSurvey('s-9', bob.at, bob), 'id', 'id: "s-9" is not a known survey');
        expect(await store.revision()).toBe(revision + 1);
        // One whose closesAt has passed closed by itself: nothing is written.
        await store.surveys.createSurvey(survey('s-2', { closesAt: new Date('2024-10-01T00:00:00Z') }), alice);
        await expectInvalid(
          store.surveys.closeSurvey('s-2', bob.at, bob),
          'id',
          'id: "s-2" is already closed: it closed by itself at its closesAt, 2024-10-01T00:00:00.000Z',
        );
        expect(await store.surveys.getSurvey('s-2')).toEqual(survey('s-2', { closesAt: new Date('2024-10-01T00:00:00Z') }));
        expect(await store.revision()).toBe(revision + 2);
        const entries = await log();
        expect(summary(entries)).toEqual(['CREATE SURVEY s-1 by alice', 'CLOSE SURVEY s-1 by bob', 'CREATE SURVEY s-2 by alice']);
        expect((entries[1]!.before as { closedAt: string | null }).closedAt).toBeNull();
        expect((entries[1]!.after as { closedAt: string | null }).closedAt).toBe('2024-10-15T12:30:00.002Z');
      });
    });

    describe('ratings', () => {
      it('stores a respondent’s ratings, lists them by respondent then partner, and logs each submission', async () => {
        await store.surveys.createSurvey(survey('s-1'), alice);
        await store.surveys.createSurvey(survey('s-2'), alice);
        const revision = await store.revision();
        const benRatings = [rating('c-cal', { reliability: 1, openness: 1, sharedMission: 1 }), notWorked('a-ann')];
        await store.surveys.replaceRatings('s-1', 'b-ben', benRatings, bob.at, bob);
        await store.surveys.replaceRatings('s-1', 'a-ann', [rating('c-cal'), rating('b-ben', { involvement: 4 })], alice.at, alice);
        await store.surveys.replaceRatings('s-2', 'c-cal', [rating('a-ann')], alice.at, alice);
        expect(await store.surveys.listRatings('s-1')).toEqual([
          stored('a-ann', rating('b-ben', { involvement: 4 }), alice.at),
          stored('a-ann', rating('c-cal'), alice.at),
          stored('b-ben', notWorked('a-ann'), bob.at),
          stored('b-ben', rating('c-cal', { reliability: 1, openness: 1, sharedMission: 1 }), bob.at),
        ]);
        expect(await store.surveys.listRatings('s-2')).toEqual([stored('c-cal', rating('a-ann'), alice.at)]);
        expect(await store.surveys.listRatings('nope')).toEqual([]);
        expect(await store.revision()).toBe(revision + 3);
        const entries = (await log()).slice(2);
        expect(summary(entries)).toEqual([
          'SUBMIT SURVEY_RESPONSE s-1 (b-ben) by bob',
          'SUBMIT SURVEY_RESPONSE s-1 (a-ann) by alice',
          'SUBMIT SURVEY_RESPONSE s-2 (c-cal) by alice',
        ]);
        expect(entries[0]!.before).toBeNull();
        expect(entries[0]!.after).toEqual({
          ratings: [
            {
              partnerId: 'c-cal',
              workedTogether: true,
              reliability: 1,
              openness: 1,
              sharedMission: 1,
              influence: 2,
              resources: 1,
              involvement: null,
            },
            {
              partnerId: 'a-ann',
              workedTogether: false,
              reliability: null,
              openness: null,
              sharedMission: null,
              influence: null,
              resources: null,
              involvement: null,
            },
          ],
        });
        // The respondent's audit trail shows its submissions (relatedId), as a merge target's does.
        const anns = (await store.listAuditLog({ actorId: 'a-ann' }, { first: 10, after: null })).items;
        expect(summary(anns)).toEqual(['SUBMIT SURVEY_RESPONSE s-1 (a-ann) by alice']);
      });

      it('replaces all of a respondent’s earlier ratings on a new submission, and only that respondent’s', async () => {
        await store.surveys.createSurvey(survey('s-1'), alice);
        await store.surveys.replaceRatings('s-1', 'a-ann', [rating('b-ben'), rating('c-cal')], alice.at, alice);
        await store.surveys.replaceRatings('s-1', 'c-cal', [rating('a-ann')], alice.at, alice);
        await store.surveys.replaceRatings('s-1', 'a-ann', [notWorked('c-cal')], bob.at, bob);
        expect(await store.surveys.listRatings('s-1')).toEqual([
          stored('a-ann', notWorked('c-cal'), bob.at),
          stored('c-cal', rating('a-ann'), alice.at),
        ]);
        const last = (await log()).at(-1)!;
        expect((last.before as { ratings: { partnerId: string }[] }).ratings.map((r) => r.partnerId)).toEqual(['b-ben', 'c-cal']);
        expect((last.after as { ratings: { partnerId: string }[] }).ratings.map((r) => r.partnerId)).toEqual(['c-cal']);
        // An empty submission withdraws every answer.
        await store.surveys.replaceRatings('s-1', 'a-ann', [], bob.at, bob);
        expect(pairs(await store.surveys.listRatings('s-1'))).toEqual(['c-cal>a-ann']);
      });

      it('refuses ratings once the survey is closed by hand or its closing time has come, and writes nothing', async () => {
        const closesAt = new Date('2025-01-31T00:00:00Z');
        await store.surveys.createSurvey(survey('s-1', { closesAt }), alice);
        await store.surveys.createSurvey(survey('s-2'), alice);
        await store.surveys.replaceRatings('s-1', 'a-ann', [rating('b-ben')], new Date(closesAt.getTime() - 1), alice);
        const revision = await store.revision();
        await expectInvalid(
          store.surveys.replaceRatings('s-1', 'a-ann', [rating('c-cal')], closesAt, alice),
          'surveyId',
          'surveyId: "s-1" is closed',
        );
        await store.surveys.closeSurvey('s-2', bob.at, bob);
        await expectInvalid(
          store.surveys.replaceRatings('s-2', 'a-ann', [rating('c-cal')], new Date(bob.at.getTime() + 1), bob),
          'surveyId',
          'surveyId: "s-2" is closed',
        );
        await expectInvalid(
          store.surveys.replaceRatings('s-9', 'a-ann', [rating('c-cal')], bob.at, bob),
          'surveyId',
          'surveyId: "s-9" is not a known survey',
        );
        expect(pairs(await store.surveys.listRatings('s-1'))).toEqual(['a-ann>b-ben']);
        expect(await store.surveys.listRatings('s-2')).toEqual([]);
        expect(await store.revision()).toBe(revision + 1); // the close only
      });
    });

    describe('respondent tokens', () => {
      it('keeps the survey and actor a respondent token is bound to, and null for other tokens', async () => {
        const respondent = token('survey:s-1:a-ann:1');
        const reader = token('dashboard', { role: 'reader', surveyId: null, actorId: null });
        await store.createToken(respondent, alice);
        await store.createToken(reader, alice);
        expect(await store.findToken('id-survey:s-1:a-ann:1')).toEqual(respondent);
        expect(await store.findToken('id-dashboard')).toEqual(reader);
        expect((await store.listTokens()).map((t) => [t.name, t.role, t.surveyId, t.actorId])).toEqual([
          ['dashboard', 'reader', null, null],
          ['survey:s-1:a-ann:1', 'respondent', 's-1', 'a-ann'],
        ]);
      });
    });

    describe('actors merged or deleted', () => {
      it('moves the merged actor’s roster places, ratings (both ends) and respondent tokens to the target, keeping the target’s where both exist', async () => {
        await store.upsertActors(everyone, alice);
        // s-1 has both twins on its roster; s-2 only the duplicate.
        await store.surveys.createSurvey(survey('s-1', { rosterIds: ['a-ann', 'b-ben', 'c-cal', 'c-cal-2'] }), alice);
        await store.surveys.createSurvey(survey('s-2', { rosterIds: ['a-ann', 'c-cal-2', 'd-dee'] }), alice);
        await store.surveys.replaceRatings('s-1', 'a-ann', [rating('c-cal'), rating('c-cal-2', { reliability: 1 })], alice.at, alice);
        await store.surveys.replaceRatings('s-1', 'c-cal', [rating('a-ann', { reliability: 2 })], alice.at, alice);
        const twin = [rating('a-ann', { reliability: 3 }), rating('b-ben'), rating('c-cal')];
        await store.surveys.replaceRatings('s-1', 'c-cal-2', twin, alice.at, alice);
        await store.surveys.replaceRatings('s-2', 'c-cal-2', [notWorked('d-dee')], alice.at, alice);
        await store.surveys.replaceRatings('s-2', 'd-dee', [rating('c-cal-2')], bob.at, bob);
        await store.createToken(token('survey:s-2:c-cal-2:1', { surveyId: 's-2', actorId: 'c-cal-2' }), alice);

        await store.mergeActors('c-cal-2', 'c-cal', { allowKindChange: false }, bob);

        expect((await store.surveys.getSurvey('s-1'))?.rosterIds).toEqual(['a-ann', 'b-ben', 'c-cal']);
        expect((await store.surveys.getSurvey('s-2'))?.rosterIds).toEqual(['a-ann', 'c-cal', 'd-dee']);
        expect(await store.surveys.listRatings('s-1')).toEqual([
          stored('a-ann', rating('c-cal'), alice.at),
          stored('c-cal', rating('a-ann', { reliability: 2 }), alice.at),
          stored('c-cal', rating('b-ben'), alice.at),
        ]);
        expect(await store.surveys.listRatings('s-2')).toEqual([
          stored('c-cal', notWorked('d-dee'), alice.at),
          stored('d-dee', rating('c-cal'), bob.at),
        ]);
        expect((await store.findToken('id-survey:s-2:c-cal-2:1'))?.actorId).toBe('c-cal');
      });

      it('refuses to delete an actor on a survey’s roster', async () => {
        await store.upsertActors(everyone, alice);
        await store.surveys.createSurvey(survey('s-1', { rosterIds: ['a-ann', 'd-dee'] }), alice);
        await expectInvalid(
          store.deleteActor('d-dee', bob),
          'id',
          'id: "d-dee" is on the roster of 1 survey(s); merge it into the actor it duplicates instead (mergeActors)',
        );
        expect(await store.getActorsByIds(['d-dee'])).toEqual([dee]);
        await store.deleteActor('b-ben', bob);
        expect(await store.getActorsByIds(['b-ben'])).toEqual([null]);
      });
    });
  });
}
