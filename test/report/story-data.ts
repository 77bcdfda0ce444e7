/**
 * A small network over two school years (as in test/api/story.test.ts): the foundation
 * convenes in 2019–20, intermediaries and schools reach across networks in 2020–21.
 */
export const REPORT_ACTORS = [
  { id: 'F', name: 'Foundation', kind: 'FOUNDATION' },
  { id: 'I1', name: 'Intermediary 1', kind: 'INTERMEDIARY' },
  { id: 'I2', name: 'Intermediary 2', kind: 'INTERMEDIARY' },
  { id: 's1a', name: 'School 1a', kind: 'SCHOOL', affiliationId: 'I1' },
  { id: 's1b', name: 'School 1b', kind: 'SCHOOL', affiliationId: 'I1' },
  { id: 's2a', name: 'School 2a', kind: 'SCHOOL', affiliationId: 'I2' },
  { id: 'u', name: 'Unaffiliated school', kind: 'SCHOOL' },
  { id: 'p', name: 'Support partner', kind: 'SUPPORT_PARTNER' },
];
const tie = (occurredAt: string, initiatorId: string, ...participantIds: string[]) => ({
  kind: 'OTHER',
  occurredAt,
  initiatorId,
  participantIds,
});
export const REPORT_LOG = [
  tie('2019-09-10T10:00:00Z', 'F', 'I1'),
  tie('2019-09-10T10:00:00Z', 'F', 'I2'),
  tie('2019-10-01T10:00:00Z', 'F', 's1a'),
  tie('2019-11-01T10:00:00Z', 'I1', 's1b'),
  tie('2019-12-01T10:00:00Z', 'I2', 's2a'),
  tie('2020-09-10T10:00:00Z', 'F', 'I1'),
  tie('2020-10-01T10:00:00Z', 'I1', 'I2'),
  tie('2020-10-02T10:00:00Z', 's1a', 's2a'),
  tie('2020-10-03T10:00:00Z', 's1b', 's2a'),
  tie('2020-11-01T10:00:00Z', 'I1', 's1b'),
  tie('2020-11-02T10:00:00Z', 'p', 'u'),
];
export const REPORT_QUERY = 'from=2019-08-01T00:00:00Z&to=2021-08-01T00:00:00Z&step=SCHOOL_YEAR';
