import { RECORD_INTERACTIONS, startTestServer, UPSERT_ACTORS, type TestServer } from './harness';

/** Corrections over real HTTP: update, soft delete and restore, merge, delete actor; and what the metrics make of them. */
const actors = [
  { id: 'fdn', name: 'Foundation', kind: 'FOUNDATION' },
  ...['a', 'b', 'c', 'd'].map((id) => ({ id, name: `Intermediary ${id}`, kind: 'INTERMEDIARY' })),
  { id: 'a-dup', name: 'Intermediary A (again)', kind: 'INTERMEDIARY' },
  { id: 'school-1', name: 'School 1', kind: 'SCHOOL', affiliationId: 'a-dup' },
];
const at = (year: number, month: number) => new Date(Date.UTC(year, month, 15)).toISOString();
const tie = (externalId: string, time: string, from: string, to: string) => ({
  externalId,
  kind: 'OTHER',
  occurredAt: time,
  initiatorId: from,
  participantIds: [to],
});
const log = [
  tie('y1-1', at(2019, 9), 'fdn', 'a'),
  tie('y1-2', at(2019, 9), 'fdn', 'b'),
  tie('y1-3', at(2019, 9), 'fdn', 'c'),
  tie('y1-4', at(2019, 10), 'a-dup', 'b'),
  tie('y2-1', at(2020, 9), 'fdn', 'a'),
  tie('y2-2', at(2020, 10), 'a', 'b'),
  tie('y2-3', at(2020, 10), 'b', 'c'),
  tie('y2-4', at(2020, 10), 'c', 'd'),
];

const SERIES = `query($series: SeriesInput!) {
  networkMetricSeries(series: $series) {
    snapshots { window { label } actorCount tieCount interactionCount density peerTieShare betweennessCentralization degreeCentralization hub { id } }
    trend { verdict peerTieShareSlope betweennessCentralizationSlope }
  }
}`;
const series = { from: '2019-08-01T00:00:00Z', to: '2021-08-01T00:00:00Z', step: 'SCHOOL_YEAR' };
type Series = { networkMetricSeries: { snapshots: Record<string, unknown>[]; trend: Record<string, unknown> } };

let server: TestServer;
let ids: Map<string, string>;
let writer: string;
beforeAll(async () => {
  server = await startTestServer();
  writer = await server.createToken('writer');
  expect((await server.gql(UPSERT_ACTORS, { actors })).errors).toBeUndefined();
  const recorded = await server.gql<{ recordInteractions: { id: string; externalId: string }[] }>(RECORD_INTERACTIONS, {
    interactions: log,
  });
  ids = new Map(recorded.data!.recordInteractions.map((i) => [i.externalId, i.id]));
});
afterAll(() => server.stop());

const seriesNow = async () => {
  const result = await server.gqlAs<Series>(writer, SERIES, { series });
  expect(result.errors).toBeUndefined();
  return result.data!.networkMetricSeries;
};

describe('deleting and restoring interactions', () => {
  it('changes the school-year series, and a restore brings back the exact figures', async () => {
    const before = await seriesNow();
    expect(before.snapshots.map((s) => s.interactionCount)).toEqual([4, 4]);

    const deleted = await server.gqlAs<{ deleteInteractions: { id: string; externalId: string }[] }>(
      writer,
      `mutation($ids: [ID!]!) { deleteInteractions(ids: $ids, reason: "recorded in the wrong year") { id externalId } }`,
      { ids: [ids.get('y2-2'), ids.get('y2-3')] },
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteInteractions.map((i) => i.externalId)).toEqual(['y2-2', 'y2-3']);
    const during = await seriesNow();
    expect(during.snapshots[0]).toEqual(before.snapshots[0]);
    expect(during.snapshots[1]).toMatchObject({ interactionCount: 2, tieCount: 2 });
    const listed = await server.gqlAs<{ interactions: { totalCount: number } }>(
      writer,
      `{ interactions(filter: { from: "2020-08-01", to: "2021-08-01" }) { totalCount } }`,
    );
    expect(listed.data!.interactions.totalCount).toBe(2);
    const exported = await server.request('/export/json?from=2020-08-01&to=2021-08-01');
    expect(JSON.stringify(await exported.json())).not.toContain('"b","c"');

    const restored = await server.gqlAs(writer, `mutation($ids: [ID!]!) { restoreInteractions(ids: $ids) { id } }`, {
      ids: [ids.get('y2-2'), ids.get('y2-3')],
    });
    expect(restored.errors).toBeUndefined();
    expect(await seriesNow()).toEqual(before);
  });

  it('is all or nothing: one unknown id deletes none and names it', async () => {
    const result = await server.gqlAs(writer, `mutation($ids: [ID!]!) { deleteInteractions(ids: $ids, reason: "x") { id } }`, {
      ids: [ids.get('y1-1'), 'nope'],
    });
    expect(result.errors).toEqual([
      {
        message: 'ids[1]: "nope" is not a known interaction',
        locations: [{ line: 1, column: 26 }],
        path: ['deleteInteractions'],
        extensions: { code: 'BAD_USER_INPUT', field: 'ids[1]' },
      },
    ]);
    const empty = await server.gqlAs(writer, `mutation { deleteInteractions(ids: ["x"], reason: " ") { id } }`);
    expect(empty.errors?.[0]?.message).toBe('reason: " " must say why (a non-empty string)');
    expect((await seriesNow()).snapshots.map((s) => s.interactionCount)).toEqual([4, 4]);
  });
});

describe('updating an interaction', () => {
  it('validates the patch like a new interaction and logs the change', async () => {
    const bad = await server.gqlAs(writer, `mutation($id: ID!) { updateInteraction(id: $id, patch: { weight: -1 }) { id } }`, {
      id: ids.get('y1-3'),
    });
    expect(bad.errors?.[0]).toMatchObject({
      message: 'patch.weight: -1 must be a positive finite number',
      extensions: { code: 'BAD_USER_INPUT', field: 'patch.weight' },
    });
    const self = await server.gqlAs(
      writer,
      `mutation($id: ID!) { updateInteraction(id: $id, patch: { participantIds: ["fdn"] }) { id } }`,
      { id: ids.get('y1-3') },
    );
    expect(self.errors?.[0]?.message).toBe('patch.participantIds[0]: "fdn" is the initiator; participants are the other actors');

    const updated = await server.gqlAs<{ updateInteraction: Record<string, unknown> }>(
      writer,
      `mutation($id: ID!) { updateInteraction(id: $id, patch: { participantIds: ["d"], note: "it was d" }) { externalId initiatorId participantIds note updatedBy recordedBy } }`,
      { id: ids.get('y1-3') },
    );
    expect(updated.data).toEqual({
      updateInteraction: {
        externalId: 'y1-3',
        initiatorId: 'fdn',
        participantIds: ['d'],
        note: 'it was d',
        updatedBy: 'writer',
        recordedBy: 'test-admin',
      },
    });
    const entry = await server.gql<{
      auditLog: { edges: { node: { action: string; before: { participantIds: string[] }; after: { participantIds: string[] } } }[] };
    }>(`query($id: ID!) { auditLog(filter: { interactionId: $id }) { edges { node { action before after } } } }`, { id: ids.get('y1-3') });
    const update = entry.data!.auditLog.edges.map((e) => e.node).find((n) => n.action === 'UPDATE')!;
    expect([update.before.participantIds, update.after.participantIds]).toEqual([['c'], ['d']]);
  });
});

describe('merging duplicate actors', () => {
  it('leaves the totals right, moves the affiliation, and keeps the old id usable', async () => {
    const before = await seriesNow();
    const merged = await server.gqlAs<{ mergeActors: { id: string } }>(
      writer,
      `mutation { mergeActors(sourceId: "a-dup", targetId: "a") { id name } }`,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeActors.id).toBe('a');

    const after = await seriesNow();
    expect(after.snapshots.map((s) => s.interactionCount)).toEqual(before.snapshots.map((s) => s.interactionCount));
    expect(after.snapshots[0]).toMatchObject({ actorCount: 4, tieCount: 4 }); // a-dup's tie to b is now a's
    expect((await server.gqlAs<{ actors: { totalCount: number } }>(writer, `{ actors { totalCount } }`)).data!.actors.totalCount).toBe(
      actors.length - 1,
    );

    const old = await server.gqlAs<{ actor: { id: string }; interactions: { totalCount: number } }>(
      writer,
      `{ actor(id: "a-dup") { id } interactions(filter: { actorId: "a-dup" }) { totalCount } }`,
    );
    expect(old.data).toEqual({ actor: { id: 'a' }, interactions: { totalCount: 4 } });
    const school = await server.gqlAs<{ actor: { affiliationId: string } }>(writer, `{ actor(id: "school-1") { affiliationId } }`);
    expect(school.data!.actor.affiliationId).toBe('a');

    const later = await server.gqlAs<{ recordInteractions: { id: string; initiatorId: string }[] }>(writer, RECORD_INTERACTIONS, {
      interactions: [tie('late', at(2020, 11), 'a-dup', 'd')],
    });
    expect(later.data!.recordInteractions[0]!.initiatorId).toBe('a');
    // A correction naming the old id names the actor it was merged into; the error names the patch.
    const onlyInitiator = await server.gqlAs(
      writer,
      `mutation($id: ID!) { updateInteraction(id: $id, patch: { participantIds: ["a-dup"] }) { id } }`,
      { id: later.data!.recordInteractions[0]!.id },
    );
    expect(onlyInitiator.errors?.[0]).toMatchObject({
      message: 'patch.participantIds: ["a-dup"] names only the initiator a once merged actors are resolved',
      extensions: { code: 'BAD_USER_INPUT', field: 'patch.participantIds' },
    });
    const unknown = await server.gqlAs(
      writer,
      `mutation($id: ID!) { updateInteraction(id: $id, patch: { initiatorId: "nobody" }) { id } }`,
      { id: later.data!.recordInteractions[0]!.id },
    );
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'patch.initiatorId: "nobody" is not a known actor',
      extensions: { code: 'BAD_USER_INPUT', field: 'patch.initiatorId' },
    });
  });

  it('refuses different kinds unless allowed, with a clear error', async () => {
    const refused = await server.gqlAs(writer, `mutation { mergeActors(sourceId: "school-1", targetId: "b") { id } }`);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'targetId: "b" is a INTERMEDIARY and school-1 a SCHOOL; pass allowKindChange: true to merge them anyway',
      extensions: { code: 'BAD_USER_INPUT', field: 'targetId' },
    });
  });

  it('is refused to a reader', async () => {
    const reader = await server.createToken('reader');
    const refused = await server.gqlAs(reader, `mutation { mergeActors(sourceId: "c", targetId: "d") { id } }`);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', requiredRole: 'writer' });
  });
});

describe('deleting an actor', () => {
  it('says to merge instead when the actor has interactions, and deletes one that has none', async () => {
    const refused = await server.gqlAs(writer, `mutation { deleteActor(id: "c") { id } }`);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'id: "c" has 2 interaction(s); merge it into the actor it duplicates instead (mergeActors)',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    const deleted = await server.gqlAs<{ deleteActor: { id: string } }>(writer, `mutation { deleteActor(id: "school-1") { id } }`);
    expect(deleted.data).toEqual({ deleteActor: { id: 'school-1' } });
    expect((await server.gqlAs(writer, `{ actor(id: "school-1") { id } }`)).data).toEqual({ actor: null });
  });
});

describe('re-sending an externalId with a different payload', () => {
  it('returns the stored interaction and says in extensions.warnings that it differs', async () => {
    const same = await server.gqlAs<{ recordInteractions: { id: string }[] }>(writer, RECORD_INTERACTIONS, {
      interactions: [tie('y2-4', at(2020, 10), 'c', 'd')],
    });
    expect(same.extensions).toBeUndefined();
    const different = await server.gqlAs<{ recordInteractions: { id: string; participantIds: string[] }[] }>(writer, RECORD_INTERACTIONS, {
      interactions: [tie('y2-1', at(2020, 9), 'fdn', 'a'), tie('y2-4', at(2020, 10), 'c', 'b')],
    });
    expect(different.data!.recordInteractions.map((i) => i.participantIds)).toEqual([['a'], ['d']]);
    expect(different.extensions).toEqual({
      warnings: [
        {
          code: 'EXTERNAL_ID_DIFFERS',
          message: `interactions[1]: externalId "y2-4" is already recorded with different data; the stored interaction ${ids.get('y2-4')} is kept and returned (correct it with updateInteraction)`,
          field: 'interactions[1]',
          id: ids.get('y2-4'),
        },
      ],
    });
    // The merged actor's old id is not a difference.
    const aliased = await server.gqlAs(writer, RECORD_INTERACTIONS, { interactions: [tie('y1-4', at(2019, 10), 'a-dup', 'b')] });
    expect(aliased.extensions).toBeUndefined();
  });

  it('says when the externalId is a deleted interaction’s: nothing is recorded and it stays deleted', async () => {
    const recorded = await server.gqlAs<{ recordInteractions: { id: string }[] }>(writer, RECORD_INTERACTIONS, {
      interactions: [tie('z-del', at(2020, 11), 'c', 'd')],
    });
    const id = recorded.data!.recordInteractions[0]!.id;
    const deleted = await server.gqlAs(writer, `mutation($ids: [ID!]!) { deleteInteractions(ids: $ids, reason: "test") { id } }`, {
      ids: [id],
    });
    expect(deleted.errors).toBeUndefined();
    const count = async () =>
      (await server.gql<{ interactions: { totalCount: number } }>('{ interactions { totalCount } }')).data!.interactions.totalCount;
    const before = await count();
    const again = await server.gqlAs<{ recordInteractions: { id: string }[] }>(writer, RECORD_INTERACTIONS, {
      interactions: [tie('y2-1', at(2020, 9), 'fdn', 'a'), tie('z-del', at(2020, 11), 'c', 'd')],
    });
    expect(again.data!.recordInteractions[1]!.id).toBe(id);
    expect(again.extensions).toEqual({
      warnings: [
        {
          code: 'EXTERNAL_ID_DELETED',
          message: `interactions[1]: externalId "z-del" is a deleted interaction's (${id}); nothing was recorded and it stays deleted (restore it with restoreInteractions, or send another externalId)`,
          field: 'interactions[1]',
          id,
        },
      ],
    });
    expect(await count()).toBe(before);
  });
});
