import { MY_FORM, createLinks, openSchoolYearSurvey, seedSurveyNetwork } from './survey-fixture';
import { startTestServer } from './harness';

/**
 * A server of its own, with a failure limit of 3: under test:neo4j a second test server in a file
 * empties the shared database, so this is not beside survey-access.test.ts's tests.
 */
describe('a respondent link past its survey’s closesAt', () => {
  it('tells a link past its survey’s closesAt that the survey closed, and does not count it towards the lockout', async () => {
    const limited = await startTestServer({ failureLimit: 3 });
    try {
      await seedSurveyNetwork(limited);
      const id = await openSchoolYearSurvey(limited, { name: 'Closes by itself', closesAt: new Date(Date.now() + 1_500).toISOString() });
      const token = (await createLinks(limited, id)).get('nsi-b')!;
      expect((await limited.gqlAs(token, `{ myForm { actor { id } } }`)).data).toEqual({ myForm: { actor: { id: 'nsi-b' } } });
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      for (let i = 0; i < 5; i += 1) {
        expect((await limited.gqlAs(token, MY_FORM)).errors).toEqual([
          expect.objectContaining({
            message: 'Your credential was refused: this respondent link is for a survey that has closed; answers are no longer taken',
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ]);
      }
      // Five reloads past the limit of 3, and the address is not locked out.
      expect((await limited.gql(`{ actors { totalCount } }`)).errors).toBeUndefined();
    } finally {
      await limited.stop();
    }
  });
});
