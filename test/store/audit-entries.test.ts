import type { StoredToken } from '../../src/domain/access';
import type { Actor } from '../../src/domain/actor';
import type { Interaction } from '../../src/domain/interaction';
import * as audit from '../../src/store/audit-entries';

const author = { by: 'alice', at: new Date('2024-03-01T10:00:00.000Z') };
const school: Actor = { id: 's-1', name: 'Lincoln HS', kind: 'SCHOOL', region: 'MD', tags: ['math'], affiliationId: 'n-1' };
const network: Actor = { id: 'n-1', name: 'NSI Baltimore', kind: 'INTERMEDIARY', region: 'MD', tags: [], affiliationId: null };
const meeting: Interaction = {
  id: 'i-1',
  externalId: 'x-1',
  kind: 'CONVENING',
  occurredAt: new Date('2024-02-12T09:00:00.000Z'),
  initiatorId: 'n-1',
  participantIds: ['s-1'],
  weight: 2,
  note: null,
};
const meetingRecord = {
  id: 'i-1',
  externalId: 'x-1',
  kind: 'CONVENING',
  occurredAt: '2024-02-12T09:00:00.000Z',
  initiatorId: 'n-1',
  participantIds: ['s-1'],
  weight: 2,
  note: null,
};
const token: StoredToken = {
  identifier: 'abc',
  name: 'importer',
  role: 'writer',
  secretHash: 'hash',
  createdAt: author.at,
  createdBy: 'alice',
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
  surveyId: null,
  actorId: null,
};
const stamp = { at: author.at, by: 'alice' };

describe('audit entries (both adapters write these)', () => {
  it('an actor created, changed, deleted', () => {
    expect(audit.actorWritten(school, null, author)).toEqual({
      ...stamp,
      action: 'CREATE',
      subject: 'ACTOR',
      subjectId: 's-1',
      relatedId: null,
      before: null,
      after: school,
      reason: null,
    });
    const renamed = { ...school, name: 'Lincoln High' };
    expect(audit.actorWritten(renamed, school, author)).toEqual({
      ...stamp,
      action: 'UPDATE',
      subject: 'ACTOR',
      subjectId: 's-1',
      relatedId: null,
      before: school,
      after: renamed,
      reason: null,
    });
    expect(audit.actorDeleted(school, author)).toEqual({
      ...stamp,
      action: 'DELETE',
      subject: 'ACTOR',
      subjectId: 's-1',
      relatedId: null,
      before: school,
      after: null,
      reason: null,
    });
  });

  it('a merge names the target, drops an affiliation to the source and sorts the moved affiliates', () => {
    expect(
      audit.actorsMerged(network, school, { interactionIds: ['i-2', 'i-1'], affiliatedActorIds: ['s-9', 's-1', 's-3'] }, author),
    ).toEqual({
      ...stamp,
      action: 'MERGE',
      subject: 'ACTOR',
      subjectId: 'n-1',
      relatedId: 's-1',
      before: { source: network, target: school },
      after: { target: { ...school, affiliationId: null }, movedInteractionIds: ['i-2', 'i-1'], movedAffiliatedActorIds: ['s-3', 's-9'] },
      reason: null,
    });
  });

  it('a batch of interactions created: one entry naming its source and the ids, not their values', () => {
    expect(audit.interactionsRecorded(['i-2', 'i-1'], 'interactions.csv', author)).toEqual({
      ...stamp,
      action: 'CREATE',
      subject: 'INTERACTION_BATCH',
      subjectId: 'interactions.csv',
      relatedId: null,
      before: null,
      after: { source: 'interactions.csv', count: 2, interactionIds: ['i-2', 'i-1'] },
      reason: null,
    });
    expect(audit.interactionsRecorded(['i-1'], null, author)).toMatchObject({
      subjectId: 'unnamed',
      after: { source: null, count: 1, interactionIds: ['i-1'] },
    });
  });

  it('an interaction updated, deleted with its reason, restored: plain JSON values', () => {
    const base = { ...stamp, subject: 'INTERACTION', subjectId: 'i-1', relatedId: null };
    expect(audit.interactionUpdated(meeting, { ...meeting, weight: 3 }, author)).toEqual({
      ...base,
      action: 'UPDATE',
      before: meetingRecord,
      after: { ...meetingRecord, weight: 3 },
      reason: null,
    });
    expect(audit.interactionDeleted(meeting, 'recorded twice', author)).toEqual({
      ...base,
      action: 'DELETE',
      before: meetingRecord,
      after: null,
      reason: 'recorded twice',
    });
    expect(audit.interactionRestored(meeting, author)).toEqual({
      ...base,
      action: 'RESTORE',
      before: null,
      after: meetingRecord,
      reason: null,
    });
  });

  it('a token created and revoked, never with its hash', () => {
    const base = { ...stamp, subject: 'TOKEN', subjectId: 'importer', relatedId: null, reason: null };
    const shown = { name: 'importer', role: 'writer', expiresAt: null, revokedAt: null };
    expect(audit.tokenCreated(token, author)).toEqual({ ...base, action: 'TOKEN_CREATED', before: null, after: shown });
    expect(audit.tokenRevoked(token, { ...token, revokedAt: author.at }, author)).toEqual({
      ...base,
      action: 'TOKEN_REVOKED',
      before: shown,
      after: { ...shown, revokedAt: '2024-03-01T10:00:00.000Z' },
    });
  });

  it('keeps before and after as JSON text, null as null', () => {
    expect(audit.toAuditJson(null)).toBeNull();
    expect(audit.toAuditJson({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(audit.fromAuditJson(null)).toBeNull();
    expect(audit.fromAuditJson('{"a":[1,"b"]}')).toEqual({ a: [1, 'b'] });
  });
});
