import { peerExchange, RECORD_INTERACTIONS, UPSERT_ACTORS, type TestServer } from './harness';

/**
 * The surveys' API fixture (hand-computed in surveys.test.ts):
 *   bmgf (foundation, off the roster); intermediaries nsi-a … nsi-d; school-x, whose name a
 *   spreadsheet would run as a formula. Window 2024-08-01 … 2025-08-01:
 *   nsi-a–nsi-b ×2, nsi-b–nsi-c, nsi-c–nsi-d, bmgf–nsi-a; nsi-a–nsi-d only before the window.
 */
export const SURVEY_ACTORS = [
  { id: 'bmgf', name: 'Gates Foundation', kind: 'FOUNDATION' },
  { id: 'nsi-a', name: 'Alpha Network', kind: 'INTERMEDIARY' },
  { id: 'nsi-b', name: 'Beta Network', kind: 'INTERMEDIARY' },
  { id: 'nsi-c', name: 'Gamma Network', kind: 'INTERMEDIARY' },
  { id: 'nsi-d', name: 'Delta Network', kind: 'INTERMEDIARY' },
  { id: 'school-x', name: '=HYPERLINK("http://x")', kind: 'SCHOOL', affiliationId: 'nsi-a' },
];

export const SCHOOL_YEAR = { from: '2024-08-01T00:00:00.000Z', to: '2025-08-01T00:00:00.000Z' };

export async function seedSurveyNetwork(server: TestServer): Promise<void> {
  const actors = await server.gql(UPSERT_ACTORS, { actors: SURVEY_ACTORS });
  expect(actors.errors).toBeUndefined();
  const recorded = await server.gql(RECORD_INTERACTIONS, {
    interactions: [
      peerExchange('2024-09-10', 'nsi-a', ['nsi-b']),
      peerExchange('2024-10-10', 'nsi-b', ['nsi-a']),
      peerExchange('2024-11-05', 'nsi-b', ['nsi-c']),
      peerExchange('2025-01-15', 'nsi-d', ['nsi-c']),
      peerExchange('2024-09-01', 'bmgf', ['nsi-a']),
      peerExchange('2023-05-01', 'nsi-a', ['nsi-d']),
    ],
  });
  expect(recorded.errors).toBeUndefined();
}

export const OPEN_SURVEY = `mutation Open($input: OpenSurveyInput!) {
  openSurvey(input: $input) { id name window { from to label } rosterKinds roster { id } openedAt closesAt closedAt isOpen rosterSize }
}`;
export const CREATE_LINKS = `mutation Links($surveyId: ID!) { createRespondentLinks(surveyId: $surveyId) { actor { id name } token url } }`;
export const CLOSE_SURVEY = `mutation Close($id: ID!) { closeSurvey(id: $id) { id closedAt isOpen } }`;
export const MY_FORM = `{ myForm {
  survey { id name window { from to } closesAt closedAt isOpen }
  actor { id }
  partners { actor { id } interactions rating { workedTogether reliability openness sharedMission influence resources involvement } }
  roster { id }
  submittedAt
} }`;
export const SUBMIT = `mutation Submit($ratings: [RatingInput!]!) { submitRatings(ratings: $ratings) {
  partners { actor { id } interactions rating { workedTogether reliability openness sharedMission influence resources involvement } }
  submittedAt
} }`;
export const RESULTS = `query Results($id: ID!) { survey(id: $id) {
  rosterSize respondentCount responseRate coverage ratingCount networkTrust networkValue
  actors { actor { id } responded raters trustReceived valueReceived
    itemMeans { reliability openness sharedMission influence resources involvement } }
  loggedTies confirmedShare mutuallyConfirmedShare unloggedTieCount
} }`;

export type Items = [number | null, number | null, number | null, number | null, number | null, number | null];

/** A RatingInput: items in the order reliability, openness, sharedMission, influence, resources, involvement; null items: did not work together. */
export function rating(partnerId: string, items: Items | null): Record<string, unknown> {
  if (items === null) return { partnerId, workedTogether: false };
  const [reliability, openness, sharedMission, influence, resources, involvement] = items;
  return { partnerId, workedTogether: true, reliability, openness, sharedMission, influence, resources, involvement };
}

/** Opens a survey of the intermediaries plus school-x for the 2024–25 school year and returns its id. */
export async function openSchoolYearSurvey(server: TestServer, extra: Record<string, unknown> = {}): Promise<string> {
  const opened = await server.gql<{ openSurvey: { id: string } }>(OPEN_SURVEY, {
    input: { name: 'Trust 2024–25', window: SCHOOL_YEAR, rosterKinds: ['INTERMEDIARY'], rosterIds: ['school-x'], ...extra },
  });
  expect(opened.errors).toBeUndefined();
  return opened.data!.openSurvey.id;
}

/** Respondent tokens by actor id. */
export async function createLinks(server: TestServer, surveyId: string): Promise<Map<string, string>> {
  const links = await server.gql<{ createRespondentLinks: { actor: { id: string }; token: string }[] }>(CREATE_LINKS, { surveyId });
  expect(links.errors).toBeUndefined();
  return new Map(links.data!.createRespondentLinks.map((link) => [link.actor.id, link.token]));
}
